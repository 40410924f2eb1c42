/**
 * The per-user session value ({@link io.github.oidcservlet.core.OidcLogin}) and its principal: small,
 * serializable, immutable; its lifecycle: single-flight silent refresh and the index of back-channel logouts.
 */
package io.github.oidcservlet.core.internal.session;
