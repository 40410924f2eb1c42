/**
 * The javax sample's executable jar: embedded Tomcat 9 serving the javax WAR (the filter sample's servlets and
 * {@code oidc-servlet-filter-javax}) at the root, with the demo provider when no provider is configured.
 */
package io.github.oidcservlet.sample.javax;
