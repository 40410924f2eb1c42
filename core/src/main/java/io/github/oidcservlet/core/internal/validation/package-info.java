/**
 * Validators for what the provider sends: the ID token (OIDC Core §3.1.3.7, every numbered rule), userinfo
 * (§5.3.2) and, later, logout tokens. Each check quotes the clause it implements.
 *
 * <p><b>Not API.</b> This package is internal to oidc-servlet: its public types are public only so that the
 * library's own packages and modules can use them. They may change or disappear in any release without notice;
 * applications use the API packages ({@code io.github.oidcservlet.core}, {@code .core.store}, {@code .core.web},
 * {@code .filter}, {@code .jakarta}, {@code .testkit}) instead.
 */
package io.github.oidcservlet.core.internal.validation;
