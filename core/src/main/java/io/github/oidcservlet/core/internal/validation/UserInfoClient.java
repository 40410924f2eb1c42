package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.oidcservlet.core.internal.provider.HttpResult;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;

import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/** Fetches the UserInfo response (OIDC Core §5.3) and checks that it is about the same user. */
public final class UserInfoClient {

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
            // Read with the very parser that reads it again for the session (LoginFactory, OidcLogin), so an
            // answer accepted here cannot fail there: a repeated member, for one, is refused by both alike.
            claims = JSONObjectUtils.parse(result.body());
        } catch (ParseException e) {
            claims = null;
        }
        if (claims == null) {
            // Nimbus reads the JSON text "null" as no object at all rather than refusing it.
            throw new ProviderProtocolException("The userinfo endpoint answered with no valid JSON object "
                    + "(malformed, not an object, or with a repeated member)");
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
