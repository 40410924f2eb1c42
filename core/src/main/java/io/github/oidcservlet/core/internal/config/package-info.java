/**
 * The immutable {@link io.github.oidcservlet.core.OidcConfig}, its key table and the sources it is read
 * from (init-params, environment, system properties), validated once with every problem reported at once.
 */
package io.github.oidcservlet.core.internal.config;
