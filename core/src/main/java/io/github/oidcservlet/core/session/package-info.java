/**
 * The per-user session value ({@link io.github.oidcservlet.core.session.OidcSession}) and its principal: small,
 * serializable, immutable, with everything an authenticated request needs computed once at login.
 */
package io.github.oidcservlet.core.session;
