/**
 * The life of a login after the callback: making it ({@code LoginFactory}), its compact serial form
 * ({@code LoginSerialForm}), refresh ({@code LoginRefresher}) with its single flight per login on one node, and
 * the claim paths that turn claims into roles.
 *
 * <p><b>Not API.</b> This package is internal to oidc-servlet: its public types are public only so that the
 * library's own packages and modules can use them. They may change or disappear in any release without notice;
 * applications use the API packages ({@code io.github.oidcservlet.core}, {@code .core.store}, {@code .core.web},
 * {@code .filter}, {@code .jakarta}, {@code .testkit}) instead.
 */
package io.github.oidcservlet.core.internal.session;
