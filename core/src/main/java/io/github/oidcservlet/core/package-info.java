/**
 * The OpenID Connect engine of oidc-servlet: configuration, provider metadata, the login steps, token and
 * ID token handling, the per-user session value. It knows no servlet types; adapters translate HTTP for it.
 */
package io.github.oidcservlet.core;
