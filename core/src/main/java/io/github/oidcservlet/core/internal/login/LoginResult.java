package io.github.oidcservlet.core.internal.login;

import io.github.oidcservlet.core.OidcLogin;

import java.net.URI;

/** What a login step asks the adapter to do; the adapter turns it into an HTTP response. */
public sealed interface LoginResult {

    /** Send the browser to {@code location} (302). */
    record Redirect(URI location) implements LoginResult {
    }

    /** The user is logged in: change the session id, store the session, go to {@code returnTo}. */
    record LoggedIn(OidcLogin session, String returnTo) implements LoginResult {
    }

    /**
     * The login failed. {@code userMessage} is plain words for the user; {@code providerError} and
     * {@code providerErrorDescription} are the provider's own (untrusted text: escape it); {@code retryable}
     * asks for a {@code Retry-After}. {@code logDetail} is for the operator's log only (it never holds tokens).
     */
    record Failed(int status, String userMessage, String providerError, String providerErrorDescription,
                  boolean retryable, String logDetail) implements LoginResult {

        public static Failed of(int status, String userMessage, String logDetail) {
            return new Failed(status, userMessage, null, null, false, logDetail);
        }
    }
}
