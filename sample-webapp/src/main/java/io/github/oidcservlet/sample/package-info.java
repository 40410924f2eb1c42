/**
 * The executable jar: the sample web application on embedded Jetty, with a demo OpenID Provider when no
 * provider is configured. Left out of the WAR, which holds only {@code web} and its {@code web.xml}.
 */
package io.github.oidcservlet.sample;
