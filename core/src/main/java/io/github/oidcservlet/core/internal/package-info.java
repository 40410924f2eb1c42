/**
 * Helpers every step of the engine uses: {@code LogText}, the one neutralizer for values that reach a log line,
 * and {@code RandomTokens}, the one generator of random state, nonce, PKCE and CSRF values.
 *
 * <p><b>Not API.</b> This package is internal to oidc-servlet: its public types are public only so that the
 * library's own packages and modules can use them. They may change or disappear in any release without notice;
 * applications use the API packages ({@code io.github.oidcservlet.core}, {@code .core.store}, {@code .core.web},
 * {@code .filter}, {@code .jakarta}, {@code .testkit}) instead.
 */
package io.github.oidcservlet.core.internal;
