/**
 * The servlet adapter: {@link io.github.oidcservlet.filter.OidcFilter} and the pieces it shares with the Jakarta
 * Security mechanism (session storage, request classification, URLs, error pages).
 */
package io.github.oidcservlet.filter;
