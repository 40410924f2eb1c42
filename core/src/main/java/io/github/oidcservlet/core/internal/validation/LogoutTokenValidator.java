package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.config.TenantIssuers;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates logout tokens as OpenID Connect Back-Channel Logout 1.0 §2.6 requires (the numbers in the comments
 * are that section's steps); the {@code jti} replay check (step 6) is the caller's, which keeps the cache.
 * Immutable and thread-safe.
 */
public final class LogoutTokenValidator {

    /** §2.4: the member of {@code events} that makes a JWT a logout token. */
    public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** §2.4 (errata): explicit typing; plain {@code JWT} and no {@code typ} are accepted too. */
    private static final Set<String> ACCEPTED_TYPES = Set.of("logout+jwt", "application/logout+jwt", "jwt");

    /**
     * A validated logout token: at least one of {@code sid} and {@code sub} is present. With a multi-tenant issuer
     * they are the keys of {@link TenantIssuers#scopedKey}, the token's {@code iss} before each value: a {@code sid}
     * or {@code sub} ends only the logins of the same issuer, that is of the same tenant.
     */
    public record LogoutToken(String sid, String sub, String jti, Instant issuedAt, Instant expiresAt) {
    }

    private final SharedClaimRules rules;
    private final TenantIssuers tenants;
    private final Duration skew;
    private final Duration maxAge;
    private final Clock clock;
    private final SignedJwtVerifier verifier;

    /**
     * @param maxAge the oldest {@code iat} accepted; the caller remembers {@code jti}s at least this long, so a
     *               replay can neither pass the cache nor outlive it
     */
    public LogoutTokenValidator(OidcConfig config, ProviderMetadata metadata,
                                Supplier<JWKSource<SecurityContext>> jwkSource, Clock clock, Duration maxAge) {
        this.rules = new SharedClaimRules(config.issuer(), config.tenants(), config.clientId(),
                config.clockSkew().toSeconds(), SharedClaimRules.LOGOUT_TOKEN);
        this.tenants = config.tenants();
        this.skew = config.clockSkew();
        this.maxAge = maxAge;
        this.clock = clock;
        // (2) "Validate the Logout Token signature in the same way that an ID Token signature is validated": the
        // same keys and the same accepted algorithms, never "none".
        Set<JWSAlgorithm> allowed = IdTokenValidator.allowedAlgorithms(config, metadata);
        this.verifier = new SignedJwtVerifier("logout token", allowed,
                new AllowedAlgorithmsKeySelector(allowed, config.clientSecret().orElse(null), jwkSource),
                type -> type == null || ACCEPTED_TYPES.contains(type));
    }

    /**
     * @throws TokenValidationException listing every problem
     * @throws io.github.oidcservlet.core.internal.provider.ProviderUnavailableException when the keys cannot be fetched
     */
    public LogoutToken validate(String logoutToken) {
        JWTClaimsSet claims = verifier.verify(logoutToken);
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        // (2) "Validate the iss, aud, iat, and exp Claims in the same way they are validated in ID Tokens."
        rules.issuerAndAudience(claims, problems);
        rules.expiryAndIssueTime(claims, problems, now);
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isBefore(now.minus(maxAge).minus(skew))) {
            // OIDC Core 3.1.3.7 (10), applied as step 2 says: a token issued too long ago is refused, which also
            // bounds how long its jti must be remembered.
            problems.add("iat " + iat.toInstant() + " is older than " + maxAge.toSeconds() + " s (§2.6 step 2)");
        }
        String sid = IdTokenValidator.stringClaim(claims, "sid", problems);
        String sub = claims.getSubject();
        // (3) "Verify that the Logout Token contains a sub Claim, a sid Claim, or both."
        if (isBlank(sid) && isBlank(sub)) {
            problems.add("neither sid nor sub is present (§2.6 step 3)");
        }
        // (4) "Verify that the Logout Token contains an events Claim whose value is JSON object containing the
        // member name http://schemas.openid.net/event/backchannel-logout." §2.4: its value is a JSON object.
        Object events = claims.getClaim("events");
        if (!(events instanceof Map<?, ?> eventMap) || !(eventMap.get(BACKCHANNEL_LOGOUT_EVENT) instanceof Map)) {
            problems.add("events does not hold " + BACKCHANNEL_LOGOUT_EVENT + " with an object value (§2.6 step 4)");
        }
        // (5) "Verify that the Logout Token does not contain a nonce Claim." (so an ID token cannot pass as one)
        if (claims.getClaim("nonce") != null) {
            problems.add("it contains a nonce (§2.6 step 5)");
        }
        String jti = claims.getJWTID();
        // §2.4: jti is REQUIRED; step 6 needs it.
        if (isBlank(jti)) {
            problems.add("jti is missing (§2.4 REQUIRED)");
        }
        if (!problems.isEmpty()) {
            throw new TokenValidationException("logout token", problems);
        }
        // OIDC Core §2: sub is "locally unique and never reassigned identifier within the Issuer"; sid likewise
        // identifies a session at this issuer (Back-Channel Logout §2.4). Each tenant of a template is an issuer.
        String iss = claims.getIssuer();
        return new LogoutToken(isBlank(sid) ? null : tenants.scopedKey(iss, sid),
                isBlank(sub) ? null : tenants.scopedKey(iss, sub), jti, iat.toInstant(),
                claims.getExpirationTime().toInstant());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
