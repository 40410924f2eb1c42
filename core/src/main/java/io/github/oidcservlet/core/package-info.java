/**
 * What an application and a front door hold: the per-user login ({@link io.github.oidcservlet.core.OidcLogin}) and
 * its principal ({@link io.github.oidcservlet.core.OidcPrincipal}), the immutable configuration
 * ({@link io.github.oidcservlet.core.OidcConfig}, read from a {@link io.github.oidcservlet.core.ConfigSource}) and
 * the two exceptions that stop start-up. Nothing here knows a servlet type.
 *
 * <p>The other API packages: {@code io.github.oidcservlet.core.web} (the engine and the web port a front door
 * implements) and {@code io.github.oidcservlet.core.store} (the service provider interface for shared state).
 * Packages named {@code internal} are not API.
 */
package io.github.oidcservlet.core;
