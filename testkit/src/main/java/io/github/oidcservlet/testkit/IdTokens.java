package io.github.oidcservlet.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Builds and signs the ID tokens the token endpoint issues (OIDC Core 2 and 12.2). */
final class IdTokens {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ProviderContext context;

    IdTokens(ProviderContext context) {
        this.context = context;
    }

    /**
     * @param nonce the {@code nonce} of the authorization request, or {@code null} on refresh (OIDC Core 12.2: a
     *              refreshed ID token SHOULD NOT carry one)
     */
    String issue(RegisteredClient client, String username, String nonce, Instant authTime) {
        Instant now = context.clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(context.issuer)
                .subject(context.users.subject(username))
                .audience(List.of(client.clientId()))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .issueTime(Date.from(now))
                .claim("auth_time", authTime.getEpochSecond());
        if (nonce != null) {
            builder.claim("nonce", nonce);
        }
        Map<String, Object> userClaims = context.users.claimsWithoutSub(username);
        userClaims.forEach(builder::claim);
        ProviderBehaviour behaviour = context.behaviour;
        if (behaviour.multiTenant() != null) {
            // Entra ID: each tenant is an issuer of its own, named by tid (the customizer may still spoil both).
            String tid = userClaims.get("tid") instanceof String own ? own : behaviour.multiTenant();
            builder.issuer(context.tenantIssuer(tid)).claim("tid", tid);
        }
        behaviour.idTokenClaims().accept(builder);
        return context.signer.sign(withoutNulls(builder.build()), behaviour.signing(), behaviour.omitKid(),
                client.secret());
    }

    /** Makes {@code builder.claim(name, null)} mean "no such claim", whatever the JWT library does with nulls. */
    static JWTClaimsSet withoutNulls(JWTClaimsSet claims) {
        JWTClaimsSet.Builder clean = new JWTClaimsSet.Builder();
        for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
            if (claim.getValue() != null) {
                clean.claim(claim.getKey(), claim.getValue());
            }
        }
        return clean.build();
    }
}
