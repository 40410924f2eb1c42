/**
 * The web layer without servlet types: every HTTP decision of a front door (routing, challenge, callback, logout,
 * back-channel logout, renewal, error pages, the application's URLs, the session attributes it keeps) made by
 * {@link io.github.oidcservlet.core.web.OidcWebAdapter} over the small port {@link io.github.oidcservlet.core.web.HttpBinding},
 * which a front door (a jakarta or javax servlet filter, a Jakarta Security mechanism) implements for its own
 * request and response types.
 */
package io.github.oidcservlet.core.web;
