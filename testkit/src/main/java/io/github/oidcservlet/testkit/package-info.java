/**
 * An in-process OpenID Provider on embedded Jetty for tests, with knobs that make it misbehave on purpose,
 * and a small cookie-keeping HTTP client. A test dependency only; never on a runtime class path.
 */
package io.github.oidcservlet.testkit;
