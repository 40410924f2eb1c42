package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.internal.config.TenantIssuers;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The {@code iss}, {@code aud}, {@code exp} and {@code iat} rules of OIDC Core §3.1.3.7, written once: an ID token
 * obeys them, and Back-Channel Logout 1.0 §2.6 step 2 applies them to a logout token: "Validate the iss, aud, iat,
 * and exp Claims in the same way they are validated in ID Tokens." Each problem message cites the clause of the
 * token being checked.
 */
final class SharedClaimRules {

    /** The clauses each message cites; the last two when {@code exp} or {@code iat} is missing. */
    record Citations(String iss, String aud, String exp, String iat, String expRequired, String iatRequired) {
    }

    static final Citations ID_TOKEN = new Citations("OIDC Core 3.1.3.7 rule 2", "rule 3", "rule 9", "rule 10",
            "rule 9; OIDC Core §2 REQUIRED", "rule 10; OIDC Core §2 REQUIRED");
    static final Citations LOGOUT_TOKEN = new Citations("§2.6 step 2", "§2.6 step 2", "§2.6 step 2", "§2.6 step 2",
            "§2.4 REQUIRED", "§2.4 REQUIRED");

    private final String issuer;
    private final TenantIssuers tenants;
    private final String clientId;
    private final long skewSeconds;
    private final Citations cite;

    SharedClaimRules(String issuer, TenantIssuers tenants, String clientId, long skewSeconds, Citations cite) {
        this.issuer = issuer;
        this.tenants = tenants;
        this.clientId = clientId;
        this.skewSeconds = skewSeconds;
        this.cite = cite;
    }

    /** Rules (2) and (3): who issued the token, and for whom. */
    void issuerAndAudience(JWTClaimsSet claims, List<String> problems) {
        if (tenants.multiTenant()) {
            TenantIssuerRule.check(tenants, claims, problems, cite.iss());
        } else if (!issuer.equals(claims.getIssuer())) {
            // (2) "The Issuer Identifier for the OpenID Provider ... MUST exactly match the value of the iss Claim."
            problems.add("iss is '" + claims.getIssuer() + "', expected '" + issuer + "' (" + cite.iss() + ")");
        }
        // (3) "The Client MUST validate that the aud Claim contains its client_id value."
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            problems.add("aud " + audience + " does not contain client_id '" + clientId + "' (" + cite.aud() + ")");
        }
    }

    /** Rules (9) and (10): when the token expires, and that it was not issued in the future. */
    void expiryAndIssueTime(JWTClaimsSet claims, List<String> problems, Instant now) {
        // (9) "The current time MUST be before the time represented by the exp Claim" (with clock-skew).
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            problems.add("exp is missing (" + cite.expRequired() + ")");
        } else if (!now.isBefore(exp.toInstant().plusSeconds(skewSeconds))) {
            problems.add("the token expired at " + exp.toInstant() + " (" + cite.exp() + ", clock-skew " + skewSeconds
                    + " s)");
        }
        // (10) "The iat Claim can be used to reject tokens that were issued too far away from the current time."
        // iat is REQUIRED (OIDC Core §2, Back-Channel Logout §2.4); one issued in the future beyond the skew is refused.
        Date iat = claims.getIssueTime();
        if (iat == null) {
            problems.add("iat is missing (" + cite.iatRequired() + ")");
        } else if (iat.toInstant().isAfter(now.plusSeconds(skewSeconds))) {
            problems.add("iat " + iat.toInstant() + " is in the future (" + cite.iat() + ", clock-skew " + skewSeconds
                    + " s)");
        }
    }
}
