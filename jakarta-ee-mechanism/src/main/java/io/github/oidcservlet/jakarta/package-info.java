/**
 * OpenID Connect login behind the standard Jakarta Security API: an {@code HttpAuthenticationMechanism} that
 * drives the filter module's servlet adapter, its configuration annotation, and the request-scoped
 * {@code OidcContext}.
 */
package io.github.oidcservlet.jakarta;
