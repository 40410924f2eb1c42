package io.github.oidcservlet.core.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.core.provider.HttpResult;
import io.github.oidcservlet.core.provider.OidcProvider;
import io.github.oidcservlet.core.provider.ProviderProtocolException;
import io.github.oidcservlet.core.provider.ProviderUnavailableException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Fetches the UserInfo response (OIDC Core §5.3) and checks that it is about the same user. */
public final class UserInfoClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final OidcProvider provider;

    public UserInfoClient(OidcProvider provider) {
        this.provider = provider;
    }

    /**
     * The userinfo claims as raw JSON text (kept as text so the session stays small), checked against the ID
     * token's subject.
     *
     * @throws TokenValidationException when the response is about another user
     */
    public String fetch(URI endpoint, String accessToken, String expectedSubject) {
        // OIDC Core §5.3.1: "The Client sends the UserInfo Request using ... the Bearer Token" (RFC 6750 §2.1).
        HttpResult result = provider.http().get(endpoint, "userinfo endpoint",
                "Authorization", "Bearer " + accessToken, "Accept", "application/json");
        if (result.status() >= 500) {
            throw new ProviderUnavailableException("The userinfo endpoint answered HTTP " + result.status());
        }
        if (result.status() != 200) {
            throw new ProviderProtocolException("The userinfo endpoint refused the access token (HTTP "
                    + result.status() + ")");
        }
        if (result.mediaType().equals("application/jwt")) {
            throw new ProviderProtocolException("The userinfo endpoint answered with a signed JWT, which this version "
                    + "does not verify; configure the client at the provider for JSON userinfo responses");
        }
        Map<String, Object> claims;
        try {
            claims = JSON.readValue(result.body(), MAP);
        } catch (JsonProcessingException e) {
            throw new ProviderProtocolException("The userinfo endpoint answered with invalid JSON");
        }
        if (claims == null) {
            throw new ProviderProtocolException("The userinfo endpoint answered with no JSON object");
        }
        // OIDC Core §5.3.2: "The sub Claim in the UserInfo Response MUST be verified to exactly match the sub
        // Claim in the ID Token; if they do not match, the UserInfo Response values MUST NOT be used."
        Object sub = claims.get("sub");
        if (!expectedSubject.equals(sub)) {
            throw new TokenValidationException("UserInfo response", List.of("its sub '" + sub
                    + "' differs from the ID token's sub '" + expectedSubject + "' (OIDC Core §5.3.2)"));
        }
        return result.body();
    }
}
