/**
 * The token endpoint: code redemption and refresh, the client authentication methods (one small class each)
 * and the parsed token response.
 *
 * <p><b>Not API.</b> This package is internal to oidc-servlet: its public types are public only so that the
 * library's own packages and modules can use them. They may change or disappear in any release without notice;
 * applications use the API packages ({@code io.github.oidcservlet.core}, {@code .core.store}, {@code .core.web},
 * {@code .filter}, {@code .jakarta}, {@code .testkit}) instead.
 */
package io.github.oidcservlet.core.internal.token;
