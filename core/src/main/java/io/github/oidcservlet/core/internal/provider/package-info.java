/**
 * The OpenID Provider as the relying party sees it: metadata from discovery or manual endpoints, the one HTTP
 * client with its timeouts, and the cached, rate-limited JWKS source.
 */
package io.github.oidcservlet.core.internal.provider;
