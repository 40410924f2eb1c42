package io.github.oidcservlet.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The token endpoint's knobs of {@link ProviderBehaviour}: how it answers (delays, errors, raw bodies), what its
 * token responses carry, and which client authentication it accepts. Setters return the {@link ProviderBehaviour}
 * so that calls chain across both.
 */
abstract sealed class TokenEndpointBehaviour extends PushedRequestBehaviour permits ProviderBehaviour {

    /** A forced token endpoint error (RFC 6749 §5.2). */
    public record TokenError(int status, String error, String description) { }

    /** Every client authentication method the provider knows (RFC 6749 §2.3.1, OIDC Core 9). */
    public static final Set<String> ALL_CLIENT_AUTH_METHODS =
            Set.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none");

    private volatile Duration tokenEndpointDelay;
    private volatile TokenError tokenEndpointError;
    private volatile RawResponse tokenEndpointRawResponse;
    private volatile String tokenType;
    private volatile Long expiresIn;
    private volatile boolean issueRefreshToken;
    private volatile boolean rotateRefreshTokens;
    private volatile boolean refreshTokenReuseDetection;
    private volatile boolean omitIdToken;
    private volatile Set<String> allowedClientAuthMethods;
    private volatile Set<String> clientAssertionAudiences;
    private volatile boolean expiresInMilliseconds;
    private volatile String refreshTokenScope;

    /** The defaults: an honest token endpoint with five-minute tokens and every authentication method. */
    final void resetTokenEndpoint() {
        tokenEndpointDelay = Duration.ZERO;
        tokenEndpointError = null;
        tokenEndpointRawResponse = null;
        tokenType = "Bearer";
        expiresIn = 300L;
        issueRefreshToken = true;
        rotateRefreshTokens = false;
        refreshTokenReuseDetection = false;
        omitIdToken = false;
        allowedClientAuthMethods = ALL_CLIENT_AUTH_METHODS;
        clientAssertionAudiences = null;
        expiresInMilliseconds = false;
        refreshTokenScope = null;
    }

    /**
     * Make the token endpoint hang this long before answering ({@link TestProvider#close()} cuts it short).
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour tokenEndpointDelay(Duration value) {
        tokenEndpointDelay = Objects.requireNonNull(value, "tokenEndpointDelay");
        return self();
    }

    /**
     * Answer every token request with this RFC 6749 §5.2 error; {@code null} error switches it off.
     *
     * @param status the HTTP status
     * @param error the {@code error} code, or {@code null} to switch this off
     * @param description the {@code error_description}, or {@code null}
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour tokenEndpointError(int status, String error, String description) {
        tokenEndpointError = error == null ? null : new TokenError(status, error, description);
        return self();
    }

    /**
     * Answer every token request with exactly this; {@code null} body switches it off.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type}
     * @param body the body, or {@code null} to switch this off
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour tokenEndpointRawResponse(int status, String contentType, String body) {
        tokenEndpointRawResponse = body == null ? null : new RawResponse(status, contentType, body);
        return self();
    }

    /**
     * {@code token_type} of token responses; default "Bearer".
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour tokenType(String value) {
        tokenType = value;
        return self();
    }

    /**
     * {@code expires_in} of token responses in seconds, also the access token's lifetime; {@code null} omits it.
     *
     * @param seconds the lifetime in seconds, or {@code null} to leave it out
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour expiresIn(Long seconds) {
        expiresIn = seconds;
        return self();
    }

    /**
     * Whether token responses carry a {@code refresh_token}; default true.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour issueRefreshToken(boolean value) {
        issueRefreshToken = value;
        return self();
    }

    /**
     * Whether a refresh issues a new refresh token and invalidates the old one; default false.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour rotateRefreshTokens(boolean value) {
        rotateRefreshTokens = value;
        return self();
    }

    /**
     * With {@link #rotateRefreshTokens(boolean) rotation}: a refresh token presented again after it was rotated
     * away revokes every access and refresh token of its login (RFC 9700 §4.14.2; Keycloak's "Revoke Refresh
     * Token"), so a client that spends one refresh token twice logs its user out. Default false.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour refreshTokenReuseDetection(boolean value) {
        refreshTokenReuseDetection = value;
        return self();
    }

    /**
     * Leave {@code id_token} out of token responses.
     *
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour omitIdToken(boolean value) {
        omitIdToken = value;
        return self();
    }

    /**
     * The client authentication methods the token and revocation endpoints accept; default all.
     *
     * @param methods the method names, e.g. {@code client_secret_basic}
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour allowedClientAuthMethods(Set<String> methods) {
        allowedClientAuthMethods = Set.copyOf(methods);
        return self();
    }

    /**
     * The {@code aud} values a JWT client assertion may name (one must match); {@code null}, the default, accepts
     * the token endpoint URL and the issuer (RFC 7523 §3). LoginID, for example, wants the issuer's host name.
     *
     * @param values the accepted values, or {@code null} for the default
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour clientAssertionAudiences(Set<String> values) {
        clientAssertionAudiences = values == null ? null : Set.copyOf(values);
        return self();
    }

    /**
     * Send {@code expires_in} in milliseconds (as Signicat documents it) instead of seconds; the access token's
     * real lifetime stays {@link #expiresIn(Long)} seconds.
     * @param value the new value
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour expiresInMilliseconds(boolean value) {
        expiresInMilliseconds = value;
        return self();
    }

    /**
     * Issue a refresh token only when the grant's scope contains this value (LoginID: {@code offline_access});
     * {@code null}, the default, leaves it to {@link #issueRefreshToken(boolean)} alone.
     * @param scope the scope value, or {@code null}
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour refreshTokenScope(String scope) {
        refreshTokenScope = scope;
        return self();
    }

    /** {@return the current {@code tokenEndpointDelay} setting} */
    public Duration tokenEndpointDelay() { return tokenEndpointDelay; }
    /** {@return the current {@code tokenEndpointError} setting} */
    public TokenError tokenEndpointError() { return tokenEndpointError; }
    /** {@return the current {@code tokenEndpointRawResponse} setting} */
    public RawResponse tokenEndpointRawResponse() { return tokenEndpointRawResponse; }
    /** {@return the current {@code tokenType} setting} */
    public String tokenType() { return tokenType; }
    /** {@return the current {@code expiresIn} setting} */
    public Long expiresIn() { return expiresIn; }
    /** {@return the current {@code issueRefreshToken} setting} */
    public boolean issueRefreshToken() { return issueRefreshToken; }
    /** {@return the current {@code rotateRefreshTokens} setting} */
    public boolean rotateRefreshTokens() { return rotateRefreshTokens; }
    /** {@return the current {@code refreshTokenReuseDetection} setting} */
    public boolean refreshTokenReuseDetection() { return refreshTokenReuseDetection; }
    /** {@return the current {@code omitIdToken} setting} */
    public boolean omitIdToken() { return omitIdToken; }
    /** {@return the current {@code allowedClientAuthMethods} setting} */
    public Set<String> allowedClientAuthMethods() { return allowedClientAuthMethods; }
    /** {@return the current {@code clientAssertionAudiences} setting} */
    public Set<String> clientAssertionAudiences() { return clientAssertionAudiences; }
    /** {@return the current {@code expiresInMilliseconds} setting} */
    public boolean expiresInMilliseconds() { return expiresInMilliseconds; }
    /** {@return the current {@code refreshTokenScope} setting} */
    public String refreshTokenScope() { return refreshTokenScope; }
}
