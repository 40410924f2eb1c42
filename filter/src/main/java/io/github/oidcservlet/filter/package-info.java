/**
 * The {@code jakarta.servlet} front door: {@link io.github.oidcservlet.filter.OidcFilter}. Add the jar, declare the
 * filter in {@code web.xml} (or let it register itself) and every request is public, authenticated from the HTTP
 * session, or sent through the authorization code flow; the application sees the user through
 * {@code request.getUserPrincipal()}, {@code getRemoteUser()} and {@code isUserInRole()}. Every decision is made by
 * the core's {@code io.github.oidcservlet.core.web}.
 */
package io.github.oidcservlet.filter;
