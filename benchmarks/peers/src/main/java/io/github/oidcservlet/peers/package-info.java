/**
 * The peers of the login benchmark: pac4j with its Jakarta EE filters and Jetty 12's OpenID module, each a small
 * app on embedded Jetty with one protected page, run in its own JVM by the benchmarks' {@code LoginLatency}.
 */
package io.github.oidcservlet.peers;
