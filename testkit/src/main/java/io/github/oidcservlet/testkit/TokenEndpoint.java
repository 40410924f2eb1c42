package io.github.oidcservlet.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /token}: code redemption with PKCE and refresh (RFC 6749 §4.1.3, §5, §6; RFC 7636 §4.6; OIDC Core 3.1.3). */
final class TokenEndpoint implements Endpoint {

    private final ProviderContext context;
    private final ClientCredentialChecks clientAuthentication;
    private final IdTokens idTokens;

    TokenEndpoint(ProviderContext context, ClientCredentialChecks clientAuthentication) {
        this.context = context;
        this.clientAuthentication = clientAuthentication;
        this.idTokens = new IdTokens(context);
    }

    @Override
    public String name() {
        return "token";
    }

    @Override
    public Answer handle(RecordedRequest request) throws InterruptedException {
        ProviderBehaviour behaviour = context.behaviour;
        if (!context.pause(behaviour.tokenEndpointDelay())) {
            return Answer.empty(503);
        }
        ProviderBehaviour.RawResponse raw = behaviour.tokenEndpointRawResponse();
        if (raw != null) {
            return Answer.of(raw.status(), raw.contentType(), raw.body());
        }
        return noStore(answer(request, behaviour));
    }

    private Answer answer(RecordedRequest request, ProviderBehaviour behaviour) {
        ProviderBehaviour.TokenError forced = behaviour.tokenEndpointError();
        if (forced != null) {
            return context.oauthError(forced.status(), forced.error(), forced.description());
        }
        // RFC 6749 §3.2: the client MUST use POST.
        if (!"POST".equals(request.method())) {
            return context.oauthError(405, "invalid_request", "the token endpoint takes POST only");
        }
        ClientAuthResult auth = clientAuthentication.authenticate(request, context.clients,
                behaviour.allowedClientAuthMethods());
        if (auth instanceof ClientAuthResult.Failed failed) {
            return refusal(context, failed);
        }
        RegisteredClient client = ((ClientAuthResult.Authenticated) auth).client();
        String grantType = request.form("grant_type");
        if (grantType == null) {
            return invalidRequest("grant_type is required");
        }
        return switch (grantType) {
            case "authorization_code" -> redeemCode(request, client);
            case "refresh_token" -> refresh(request, client);
            default -> context.oauthError(400, "unsupported_grant_type", "grant_type " + grantType + " is not supported");
        };
    }

    private Answer redeemCode(RecordedRequest request, RegisteredClient client) {
        String codeValue = request.form("code");
        if (codeValue == null) {
            return invalidRequest("code is required");
        }
        Grants.AuthorizationCode code = context.grants.redeemCode(codeValue);
        if (code == null) {
            return invalidGrant("the code is unknown or was already used");
        }
        // RFC 6749 §4.1.3: the code was issued to this client, is not expired, and redirect_uri is identical.
        if (!code.clientId().equals(client.clientId())) {
            return invalidGrant("the code was issued to another client");
        }
        if (!context.clock.instant().isBefore(code.expiresAt())) {
            return invalidGrant("the code has expired");
        }
        if (!code.redirectUri().equals(request.form("redirect_uri"))) {
            return invalidGrant("redirect_uri differs from the authorization request's");
        }
        String verifier = request.form("code_verifier");
        if (code.codeChallenge() == null) {
            // Only with ProviderBehaviour#nonceAndPkceOptional. RFC 9700 §2.1.1: without a code_challenge in the
            // authorization request, a token request containing a code_verifier is rejected (PKCE downgrade).
            if (verifier != null) {
                return invalidGrant("code_verifier sent, but the authorization request had no code_challenge");
            }
        } else if (verifier == null) {
            return invalidGrant("code_verifier is required: the authorization request had a code_challenge");
        } else if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                code.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            // RFC 7636 §4.6: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) == code_challenge.
            return invalidGrant("code_verifier does not match code_challenge");
        }
        Grants.Grant grant = new Grants.Grant(client.clientId(), code.username(), code.scope(), code.authTime(), null,
                context.grants.newFamily());
        return tokens(client, grant, code.nonce(), null);
    }

    private Answer refresh(RecordedRequest request, RegisteredClient client) {
        String refreshToken = request.form("refresh_token");
        if (refreshToken == null) {
            return invalidRequest("refresh_token is required");
        }
        Grants.Grant grant = context.grants.refreshToken(refreshToken);
        if (grant == null && context.grants.rotatedAwayFamily(refreshToken) != null) {
            return reused(refreshToken);
        }
        // RFC 6749 §6: the refresh token was issued to the authenticated client.
        if (grant == null || !grant.clientId().equals(client.clientId())) {
            return invalidGrant("the refresh token is unknown, revoked or issued to another client");
        }
        boolean rotate = context.behaviour.rotateRefreshTokens();
        if (rotate && !context.grants.removeRefreshToken(refreshToken)) {
            return reused(refreshToken);
        }
        // OIDC Core 12.2: a refreshed ID token keeps auth_time and SHOULD NOT carry a nonce.
        return tokens(client, grant, null, rotate ? null : refreshToken);
    }

    /**
     * A rotated-away refresh token presented again. RFC 9700 §4.14.2: the authorization server "cannot determine
     * which party submitted the invalid refresh token, but it will revoke the active refresh token" — with reuse
     * detection on, every token of the login goes (Keycloak's "Revoke Refresh Token" ends the whole session).
     */
    private Answer reused(String refreshToken) {
        String family = context.grants.rotatedAwayFamily(refreshToken);
        if (context.behaviour.refreshTokenReuseDetection() && family != null) {
            context.grants.endFamily(family);
            return invalidGrant("the refresh token was already used: every token of this login is revoked");
        }
        return invalidGrant("the refresh token was already used");
    }

    /** @param keptRefreshToken the refresh token to return unchanged, or {@code null} to issue a new one */
    private Answer tokens(RegisteredClient client, Grants.Grant grant, String nonce, String keptRefreshToken) {
        ProviderBehaviour behaviour = context.behaviour;
        Instant now = context.clock.instant();
        Long expiresIn = behaviour.expiresIn();
        String accessToken = context.grants.newAccessToken(new Grants.Grant(grant.clientId(), grant.username(),
                grant.scope(), grant.authTime(), expiresIn == null ? null : now.plusSeconds(expiresIn), grant.family()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", behaviour.tokenType());
        if (expiresIn != null) {
            body.put("expires_in", behaviour.expiresInMilliseconds() ? expiresIn * 1000L : expiresIn);
        }
        if (behaviour.issueRefreshToken() && grantsRefreshToken(behaviour.refreshTokenScope(), grant.scope())) {
            body.put("refresh_token", keptRefreshToken != null ? keptRefreshToken : context.grants.newRefreshToken(grant));
        }
        if (!behaviour.omitIdToken()) {
            body.put("id_token", idTokens.issue(client, grant.username(), nonce, grant.authTime()));
        }
        if (grant.scope() != null) {
            body.put("scope", grant.scope());
        }
        return context.json(200, body);
    }

    private static boolean grantsRefreshToken(String requiredScope, String grantedScope) {
        return requiredScope == null
                || (grantedScope != null && java.util.Arrays.asList(grantedScope.split(" ")).contains(requiredScope));
    }

    /** The answer to a client that failed to authenticate (RFC 6749 §5.2). */
    static Answer refusal(ProviderContext context, ClientAuthResult.Failed failed) {
        Answer answer = context.oauthError(failed.status(), failed.error(), failed.description());
        return failed.basicChallenge() ? answer.withHeader("WWW-Authenticate", "Basic realm=\"test-provider\"") : answer;
    }

    private Answer invalidGrant(String description) {
        return context.oauthError(400, "invalid_grant", description);
    }

    private Answer invalidRequest(String description) {
        return context.oauthError(400, "invalid_request", description);
    }

    /** RFC 6749 §5.1: token responses must not be cached. */
    private static Answer noStore(Answer answer) {
        return answer.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
