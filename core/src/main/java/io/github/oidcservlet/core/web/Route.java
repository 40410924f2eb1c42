package io.github.oidcservlet.core.web;

/** What a request is for, as {@link OidcWebAdapter#route} sees it. */
public enum Route {
    /** The redirection endpoint ({@code redirect-path}): completes a login. */
    CALLBACK,
    /** RP-initiated logout ({@code logout-path}). */
    LOGOUT,
    /** Back-channel logout from the provider ({@code backchannel-logout-path}). */
    BACKCHANNEL_LOGOUT,
    /** Starts a login ({@code login-path}), {@code ?provider=<name>} choosing the registration. */
    LOGIN,
    /** A path under {@code public-paths}: served with or without a login. */
    PUBLIC,
    /** Anything else: served only with a login. */
    PROTECTED
}
