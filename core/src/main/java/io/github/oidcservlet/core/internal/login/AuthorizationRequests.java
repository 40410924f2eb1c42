package io.github.oidcservlet.core.internal.login;

import io.github.oidcservlet.core.internal.RandomTokens;
import io.github.oidcservlet.core.OidcConfig;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds authorization requests (OIDC Core §3.1.2.1) with a fresh {@code state}, {@code nonce} and PKCE S256
 * challenge each time, and remembers them as a {@link PendingLogin}; pushes them first when the login uses pushed
 * authorization requests (RFC 9126, {@link PushedAuthorizationRequests}). Thread-safe.
 */
public final class AuthorizationRequests {

    /** 32 random bytes: 256 bits for state, nonce and the PKCE verifier (at least 128 bits are required). */
    private static final int RANDOM_BYTES = 32;

    private final OidcConfig config;
    private final Clock clock;
    private final PushedAuthorizationRequests par;

    /** Requests whose parameters always travel in the authorization endpoint's query (no RFC 9126). */
    public AuthorizationRequests(OidcConfig config, Clock clock) {
        this(config, clock, null);
    }

    /** @param par pushes the parameters when {@code par} and the provider say so; {@code null}: never */
    public AuthorizationRequests(OidcConfig config, Clock clock, PushedAuthorizationRequests par) {
        this.config = config;
        this.clock = clock;
        this.par = par;
    }

    /** An authorization request and the pending login the callback will match against. */
    public record Started(URI location, PendingLogin pending) {
    }

    /**
     * @param authorizationEndpoint the provider's endpoint (may already carry a query)
     * @param redirectUri           this application's absolute callback URL
     * @param returnTo              a same-origin path, already checked by {@link ReturnUrls}
     * @param extra                 per-request parameters such as {@code prompt} or {@code id_token_hint}
     */
    public Started start(URI authorizationEndpoint, String redirectUri, String returnTo, Map<String, String> extra) {
        String state = randomToken();
        String nonce = randomToken();
        // RFC 7636 §4.1: code_verifier = 43..128 unreserved characters; 32 bytes base64url-encoded are 43.
        String verifier = randomToken();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", config.clientId());
        params.put("redirect_uri", redirectUri);
        params.put("scope", config.scopes());
        // RFC 9700 §4.7.1: state binds the response to this browser session (CSRF protection).
        params.put("state", state);
        // OIDC Core §3.1.2.1: nonce binds the ID token to this session and mitigates replay.
        params.put("nonce", nonce);
        // RFC 9700 §2.1.1: PKCE on every login; RFC 7636 §4.2: S256 = BASE64URL(SHA256(ASCII(code_verifier))).
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
        params.putAll(config.extraAuthParams());
        params.putAll(extra);
        // OIDC Core §3.1.2.1: prompt=none asks for no user interaction; its errors lead to an interactive login.
        boolean silent = "none".equals(params.get("prompt"));
        // RFC 9126 §2.1: a pushed request carries these same parameters, in the body of a POST to the PAR endpoint.
        URI location = par == null ? withQuery(authorizationEndpoint, params) : par.location(authorizationEndpoint, params);
        // RFC 9700 §4.4.2: the pending login (its state) is bound to the registration the request goes to.
        PendingLogin pending = new PendingLogin(state, nonce, verifier, redirectUri, returnTo, clock.millis(), silent,
                config.registration());
        return new Started(location, pending);
    }

    /**
     * A re-authentication of the user of an expired login that cannot be refreshed: the request carries
     * {@code id_token_hint} (OIDC Core §3.1.2.1: "ID Token previously issued by the Authorization Server being
     * passed as a hint about the End-User's current or past authenticated session"), and with
     * {@code silent-reauth} also {@code prompt=none}, whose {@code login_required} or {@code interaction_required}
     * answer the callback turns into an interactive login.
     *
     * @param authorizationEndpoint the provider's endpoint
     * @param redirectUri           this application's absolute callback URL
     * @param returnTo              a same-origin path, already checked by {@link ReturnUrls}
     * @param idTokenHint           the expired login's ID token
     * @return the request and its pending login
     */
    public Started reauthenticate(URI authorizationEndpoint, String redirectUri, String returnTo,
                                  String idTokenHint) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("id_token_hint", idTokenHint);
        if (config.silentReauth()) {
            extra.put("prompt", "none");
        }
        return start(authorizationEndpoint, redirectUri, returnTo, extra);
    }

    private static String randomToken() {
        return RandomTokens.of(RANDOM_BYTES);
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    static URI withQuery(URI endpoint, Map<String, String> params) {
        StringBuilder url = new StringBuilder(endpoint.toString());
        char separator = endpoint.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> param : params.entrySet()) {
            url.append(separator).append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return URI.create(url.toString());
    }
}
