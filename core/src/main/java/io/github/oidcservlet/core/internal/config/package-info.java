/**
 * Reading and checking the configuration behind {@link io.github.oidcservlet.core.OidcConfig}: the key table
 * ({@code ConfigKey}), the reader that collects every problem at once with "did you mean" hints, client
 * credentials, login-request rules, the plain-HTTP check and the pass-through {@code store-*} settings.
 *
 * <p><b>Not API.</b> This package is internal to oidc-servlet: its public types are public only so that the
 * library's own packages and modules can use them. They may change or disappear in any release without notice;
 * applications use the API packages ({@code io.github.oidcservlet.core}, {@code .core.store}, {@code .core.web},
 * {@code .filter}, {@code .jakarta}, {@code .testkit}) instead.
 */
package io.github.oidcservlet.core.internal.config;
