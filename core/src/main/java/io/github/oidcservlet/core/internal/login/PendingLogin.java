package io.github.oidcservlet.core.internal.login;

import java.io.Serial;
import java.io.Serializable;

/**
 * A login that was started and not finished yet: what the callback must match and where the user returns.
 * Holds the PKCE verifier, so it lives only in the server-side session and {@link #toString()} hides it.
 * {@code silent} marks a {@code prompt=none} re-authentication, which falls back to an interactive login.
 */
public record PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String returnTo,
                           long createdAtMillis, boolean silent) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** An interactive login. */
    public PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String returnTo,
                        long createdAtMillis) {
        this(state, nonce, codeVerifier, redirectUri, returnTo, createdAtMillis, false);
    }

    @Override
    public String toString() {
        return "PendingLogin[returnTo=" + returnTo + ", createdAtMillis=" + createdAtMillis
                + (silent ? ", silent" : "") + "]";
    }
}
