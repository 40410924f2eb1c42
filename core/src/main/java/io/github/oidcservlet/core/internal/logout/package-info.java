/**
 * Ending a login: RP-initiated logout at the provider's end_session_endpoint (OpenID RP-Initiated Logout 1.0),
 * token revocation (RFC 7009) and back-channel logout (OpenID Back-Channel Logout 1.0).
 *
 * <p><b>Not API.</b> This package is internal to oidc-servlet: its public types are public only so that the
 * library's own packages and modules can use them. They may change or disappear in any release without notice;
 * applications use the API packages ({@code io.github.oidcservlet.core}, {@code .core.store}, {@code .core.web},
 * {@code .filter}, {@code .jakarta}, {@code .testkit}) instead.
 */
package io.github.oidcservlet.core.internal.logout;
