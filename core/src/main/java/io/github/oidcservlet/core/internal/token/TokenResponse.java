package io.github.oidcservlet.core.internal.token;

import java.util.Optional;

/**
 * A successful token endpoint answer (RFC 6749 §5.1, OIDC Core §3.1.3.3). {@code expiresInMillis} is already
 * converted from the provider's unit. {@link #toString()} shows no token.
 */
public record TokenResponse(String accessToken, String tokenType, Long expiresInMillis, String refreshToken,
                            String idToken, String scope) {

    public Optional<Long> expiresIn() { return Optional.ofNullable(expiresInMillis); }
    public Optional<String> refresh() { return Optional.ofNullable(refreshToken); }
    public Optional<String> id() { return Optional.ofNullable(idToken); }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresInMillis=" + expiresInMillis
                + ", refreshToken=" + (refreshToken == null ? "none" : "present")
                + ", idToken=" + (idToken == null ? "none" : "present") + ", scope=" + scope + "]";
    }
}
