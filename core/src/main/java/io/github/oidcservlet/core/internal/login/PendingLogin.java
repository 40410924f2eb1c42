package io.github.oidcservlet.core.internal.login;

import io.github.oidcservlet.core.OidcLogin;
import java.io.Serial;
import java.io.Serializable;

/**
 * A login that was started and not finished yet: what the callback must match and where the user returns.
 * Holds the PKCE verifier, so it lives only in the server-side session and {@link #toString()} hides it.
 * {@code silent} marks a {@code prompt=none} re-authentication, which falls back to an interactive login.
 * {@code registration} binds it to the provider registration it was sent to (RFC 9700 §4.4.2); one stored before
 * registrations existed has none and is the {@code default} registration's.
 */
public record PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String returnTo,
                           long createdAtMillis, boolean silent, String registration) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A login of the {@code default} registration. */
    public PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String returnTo,
                        long createdAtMillis, boolean silent) {
        this(state, nonce, codeVerifier, redirectUri, returnTo, createdAtMillis, silent,
                OidcLogin.DEFAULT_REGISTRATION);
    }

    /**
     * {@return whether this login was started with that registration}
     *
     * @param name the registration whose redirect URI the response arrived at
     */
    public boolean isFor(String name) {
        return (registration == null ? OidcLogin.DEFAULT_REGISTRATION : registration).equals(name);
    }

    /** An interactive login. */
    public PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String returnTo,
                        long createdAtMillis) {
        this(state, nonce, codeVerifier, redirectUri, returnTo, createdAtMillis, false);
    }

    @Override
    public String toString() {
        return "PendingLogin[registration=" + registration + ", returnTo=" + returnTo + ", createdAtMillis=" + createdAtMillis
                + (silent ? ", silent" : "") + "]";
    }
}
