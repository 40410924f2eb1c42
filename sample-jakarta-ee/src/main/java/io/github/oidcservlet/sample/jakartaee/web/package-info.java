/**
 * The Jakarta EE sample's own resources: they see the caller through {@code SecurityContext},
 * {@code @Inject OidcContext} and the container's role checks, never through the filter.
 */
package io.github.oidcservlet.sample.jakartaee.web;
