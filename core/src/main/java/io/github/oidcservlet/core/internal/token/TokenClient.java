package io.github.oidcservlet.core.internal.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.HttpResult;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the token endpoint: redeems authorization codes and refresh tokens. Thread-safe. */
public final class TokenClient {

    private final OidcProvider provider;
    private final ClientAuthentication clientAuthentication;
    private final ChronoUnit expiresInUnit;

    public TokenClient(OidcConfig config, OidcProvider provider, ClientAuthentication clientAuthentication) {
        this.provider = provider;
        this.clientAuthentication = clientAuthentication;
        this.expiresInUnit = config.expiresInUnit();
    }

    /**
     * Redeems an authorization code (RFC 6749 §4.1.3) with its PKCE verifier (RFC 7636 §4.5).
     * The answer must carry an ID token (OIDC Core §3.1.3.3).
     */
    public TokenResponse redeemCode(String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        TokenResponse response = call(form);
        // OIDC Core §3.1.3.3: the Token Response contains an id_token "in addition to" the OAuth 2.0 fields.
        if (response.idToken() == null) {
            throw new ProviderProtocolException("The token endpoint answered without an id_token "
                    + "(OpenID Connect Core §3.1.3.3); is 'openid' in the scopes the client may request?");
        }
        return response;
    }

    /** Redeems a refresh token (RFC 6749 §6); the answer may or may not carry a new ID token or refresh token. */
    public TokenResponse refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return call(form);
    }

    private TokenResponse call(Map<String, String> form) {
        URI endpoint = provider.metadata().tokenEndpoint();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        clientAuthentication.authenticate(endpoint, form, headers);
        HttpResult result = provider.http().postForm(endpoint, form, headers, "token endpoint");
        return parse(result);
    }

    private TokenResponse parse(HttpResult result) {
        JsonNode body = result.jsonObject();
        if (result.status() == 200) {
            return success(body);
        }
        // RFC 6749 §5.2: errors come as 400 (401 for invalid_client) with an "error" member.
        if (body != null && body.path("error").isTextual()) {
            throw new TokenEndpointException(result.status(), body.get("error").asText(),
                    body.path("error_description").isTextual() ? body.get("error_description").asText() : null);
        }
        if (result.status() >= 500) {
            throw new ProviderUnavailableException("The token endpoint answered HTTP " + result.status());
        }
        throw new ProviderProtocolException("The token endpoint answered HTTP " + result.status()
                + " without an OAuth 2.0 error (RFC 6749 §5.2)");
    }

    private TokenResponse success(JsonNode body) {
        if (body == null) {
            throw new ProviderProtocolException("The token endpoint answered 200 without a JSON object (RFC 6749 §5.1)");
        }
        String accessToken = text(body, "access_token");
        String tokenType = text(body, "token_type");
        if (accessToken == null) {
            throw new ProviderProtocolException("The token response has no access_token (RFC 6749 §5.1)");
        }
        // RFC 6749 §5.1 / §7.1: token_type is REQUIRED and "The value is case insensitive."
        if (tokenType == null || !tokenType.equalsIgnoreCase("Bearer")) {
            throw new ProviderProtocolException("The token response has token_type '" + tokenType
                    + "'; only Bearer tokens (RFC 6750) are supported");
        }
        return new TokenResponse(accessToken, tokenType, expiresIn(body), text(body, "refresh_token"),
                text(body, "id_token"), text(body, "scope"));
    }

    /** RFC 6749 §5.1: {@code expires_in} is RECOMMENDED, in seconds, unless the provider documents otherwise. */
    private Long expiresIn(JsonNode body) {
        JsonNode node = body.get("expires_in");
        if (node == null || node.isNull()) {
            return null;
        }
        long value;
        if (node.isNumber()) {
            value = node.asLong();
        } else if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            value = Long.parseLong(node.asText());
        } else {
            throw new ProviderProtocolException("The token response has a non-numeric expires_in");
        }
        return expiresInUnit == ChronoUnit.MILLIS ? value : value * 1000L;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
