package io.github.oidcservlet.core.login;

import java.io.Serial;
import java.io.Serializable;

/**
 * A login that was started and not finished yet: what the callback must match and where the user returns.
 * Holds the PKCE verifier, so it lives only in the server-side session and {@link #toString()} hides it.
 */
public record PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, String returnTo,
                           long createdAtMillis) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "PendingLogin[returnTo=" + returnTo + ", createdAtMillis=" + createdAtMillis + "]";
    }
}
