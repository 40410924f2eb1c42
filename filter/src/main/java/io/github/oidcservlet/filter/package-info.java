/**
 * The {@code jakarta.servlet} front door: {@link io.github.oidcservlet.filter.OidcFilter}, the request wrapper that
 * carries the principal, and {@link io.github.oidcservlet.filter.internal.JakartaServletBinding}, the web layer's port that
 * the Jakarta Security mechanism uses too. Every decision is the core's {@code io.github.oidcservlet.core.web}.
 */
package io.github.oidcservlet.filter;
