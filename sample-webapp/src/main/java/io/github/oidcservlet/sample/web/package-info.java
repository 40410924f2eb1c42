/**
 * The sample application's servlets, protected by {@code OidcFilter} as declared in {@code WEB-INF/web.xml}:
 * they read the user only through the standard servlet API and {@code OidcPrincipal}.
 */
package io.github.oidcservlet.sample.web;
