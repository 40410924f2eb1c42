package io.github.oidcservlet.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /userinfo}: the user's claims for a Bearer access token (OIDC Core 5.3, RFC 6750). */
final class UserinfoEndpoint implements Endpoint {

    private final ProviderContext context;

    UserinfoEndpoint(ProviderContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "userinfo";
    }

    @Override
    public Answer handle(RecordedRequest request) {
        ProviderBehaviour behaviour = context.behaviour;
        if (behaviour.userinfoDisabled()) {
            return Answer.of(404, "text/plain;charset=utf-8", "no userinfo endpoint");
        }
        String token = bearerToken(request);
        if (token == null) {
            // RFC 6750 §3.1: a request without any authentication information gets no error code.
            return context.oauthError(401, "invalid_request", "no Bearer access token")
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        Grants.Grant grant = context.grants.accessToken(token);
        if (grant == null || grant.isExpired(context.clock.instant()) || behaviour.userinfoStatus() == 401) {
            return invalidToken();
        }
        if (behaviour.userinfoStatus() != 200) {
            return context.oauthError(behaviour.userinfoStatus(), "server_error", "userinfo made to fail by the test");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        // OIDC Core 5.3.2: sub is always returned; the RP must check it equals the ID token's.
        claims.put("sub", behaviour.userinfoSub() != null ? behaviour.userinfoSub()
                : context.users.subject(grant.username()));
        claims.putAll(context.users.claimsWithoutSub(grant.username()));
        return context.json(200, claims);
    }

    private Answer invalidToken() {
        return context.oauthError(401, "invalid_token", "the access token is unknown, expired or revoked")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    /** RFC 6750 §2.1 (Authorization header) or §2.2 (form body). */
    private static String bearerToken(RecordedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return request.form("access_token");
    }
}
