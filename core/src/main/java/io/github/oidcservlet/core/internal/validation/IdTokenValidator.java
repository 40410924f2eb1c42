package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates ID tokens as OpenID Connect Core 1.0 §3.1.3.7 requires; the numbers in the comments are that
 * section's. Claim problems are gathered and reported together. Immutable and thread-safe.
 */
public final class IdTokenValidator {

    /** Token types that are never ID tokens (RFC 8725 §3.11: explicit typing prevents substitution). */
    private static final Set<String> FOREIGN_TYPES = Set.of("at+jwt", "application/at+jwt", "logout+jwt",
            "application/logout+jwt", "secevent+jwt", "application/secevent+jwt");

    private final String clientId;
    private final long skewSeconds;
    private final SharedClaimRules rules;
    private final Clock clock;
    private final Set<JWSAlgorithm> allowed;
    private final SignedJwtVerifier verifier;
    private final Long maxAgeSeconds;
    private final List<String> acrValues;

    public IdTokenValidator(OidcConfig config, ProviderMetadata metadata,
                            Supplier<JWKSource<SecurityContext>> jwkSource, Clock clock) {
        this.clientId = config.clientId();
        this.skewSeconds = config.clockSkew().toSeconds();
        this.rules = new SharedClaimRules(config.issuer(), config.tenants(), clientId, skewSeconds,
                SharedClaimRules.ID_TOKEN);
        this.clock = clock;
        this.allowed = allowedAlgorithms(config, metadata);
        // RFC 8725 §3.11: explicit typing prevents substitution; a token typed as something else is refused.
        this.verifier = new SignedJwtVerifier("ID token", allowed,
                new AllowedAlgorithmsKeySelector(allowed, config.clientSecret().orElse(null), jwkSource),
                type -> type == null || !FOREIGN_TYPES.contains(type));
        String maxAge = config.extraAuthParams().get("max_age");
        this.maxAgeSeconds = maxAge != null && maxAge.matches("\\d{1,9}") ? Long.valueOf(maxAge) : null;
        String acr = config.extraAuthParams().get("acr_values");
        this.acrValues = acr == null ? List.of() : Arrays.asList(acr.trim().split(" +"));
    }

    /**
     * The algorithms accepted for ID token signatures: {@code id-token-algs} when set, else the asymmetric
     * ones the provider advertises (HMAC only when configured explicitly), else RS256.
     */
    static Set<JWSAlgorithm> allowedAlgorithms(OidcConfig config, ProviderMetadata metadata) {
        Set<JWSAlgorithm> algs = new LinkedHashSet<>();
        List<String> names = config.idTokenAlgs().isEmpty() ? metadata.idTokenSigningAlgs() : config.idTokenAlgs();
        for (String name : names) {
            JWSAlgorithm alg = JWSAlgorithm.parse(name);
            boolean hmac = JWSAlgorithm.Family.HMAC_SHA.contains(alg);
            if (!name.equalsIgnoreCase("none") && (!hmac || !config.idTokenAlgs().isEmpty())) {
                algs.add(alg);
            }
        }
        if (algs.isEmpty()) {
            // (7) "The default alg value is RS256."
            algs.add(JWSAlgorithm.RS256);
        }
        return Set.copyOf(algs);
    }

    public Set<JWSAlgorithm> allowedAlgorithms() {
        return allowed;
    }

    /**
     * Validates an ID token from the token endpoint of the code flow.
     *
     * @param expectedNonce the nonce sent in the authorization request
     * @return the verified claims
     * @throws TokenValidationException listing every problem
     * @throws ProviderUnavailableException when the provider's keys cannot be fetched in time
     */
    public JWTClaimsSet validate(String idToken, String expectedNonce) {
        JWTClaimsSet claims = verifier.verify(idToken);
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();
        commonRules(claims, problems, now);

        // (11) "If a nonce value was sent in the Authentication Request, a nonce Claim MUST be present and its value
        // checked to verify that it is the same value as the one that was sent."
        String nonce = stringClaim(claims, "nonce", problems);
        if (expectedNonce != null && !expectedNonce.equals(nonce)) {
            problems.add(nonce == null ? "nonce is missing (rule 11)" : "nonce does not match the one sent (rule 11)");
        }
        // (12) "If the acr Claim was requested, the Client SHOULD check that the asserted Claim Value is appropriate."
        if (!acrValues.isEmpty()) {
            String acr = stringClaim(claims, "acr", problems);
            if (acr == null || !acrValues.contains(acr)) {
                problems.add("acr '" + acr + "' is not one of the requested acr_values " + acrValues + " (rule 12)");
            }
        }
        // (13) "If the auth_time Claim was requested ... through the max_age parameter, the Client SHOULD check the
        // auth_time Claim value and request re-authentication if it determines too much time has elapsed."
        if (maxAgeSeconds != null) {
            Date authDate = dateClaim(claims, "auth_time", problems);
            if (authDate == null) {
                problems.add("auth_time is missing though max_age was requested (rule 13)");
            } else if (authDate.toInstant().plusSeconds(maxAgeSeconds + skewSeconds).isBefore(now)) {
                problems.add("auth_time " + authDate.toInstant() + " is older than max_age " + maxAgeSeconds + " s (rule 13)");
            }
        }
        if (!problems.isEmpty()) {
            throw new TokenValidationException("ID token", problems);
        }
        return claims;
    }

    /**
     * Validates an ID token that came with a refresh (OIDC Core §12.2): the rules of a login's ID token, except
     * those tied to the authentication request ({@code nonce}, {@code acr_values}, {@code max_age}), plus the
     * comparison with the original ID token. A {@code nonce} may be absent; when present it must equal the
     * original's (a refreshed token cannot be bound to a new request, so any other value is a substitution).
     *
     * @param original the claims of the ID token of the login (already verified then)
     * @throws TokenValidationException listing every problem; a different {@code sub} is one of them
     */
    public JWTClaimsSet validateRefreshed(String idToken, JWTClaimsSet original) {
        JWTClaimsSet claims = verifier.verify(idToken);
        List<String> problems = new ArrayList<>();
        commonRules(claims, problems, clock.instant());
        RefreshedIdTokenRules.check(claims, original, problems);
        if (!problems.isEmpty()) {
            throw new TokenValidationException("refreshed ID token", problems);
        }
        return claims;
    }

    /** Rules (2) to (5), (9), (10) and a present {@code sub}: what every ID token must satisfy. */
    private void commonRules(JWTClaimsSet claims, List<String> problems, Instant now) {
        rules.issuerAndAudience(claims, problems);
        List<String> audience = claims.getAudience();
        String azp = stringClaim(claims, "azp", problems);
        // (4) "If the ID Token contains multiple audiences, the Client SHOULD verify that an azp Claim is present."
        // Extra audiences are trusted only when azp names this client, as (3) asks to reject untrusted ones.
        if (audience != null && audience.size() > 1 && azp == null) {
            problems.add("aud has " + audience.size() + " audiences but no azp (rule 4)");
        }
        // (5) "If an azp (authorized party) Claim is present, the Client SHOULD verify that its client_id is the Claim Value."
        if (azp != null && !azp.equals(clientId)) {
            problems.add("azp is '" + azp + "', expected '" + clientId + "' (rule 5)");
        }
        rules.expiryAndIssueTime(claims, problems, now);
        // OIDC Core §2: sub is REQUIRED; it identifies the user at this issuer.
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            problems.add("sub is missing (OIDC Core §2 REQUIRED)");
        }
    }

    /** A NumericDate claim (seconds since the epoch, OIDC Core §2) that Nimbus does not convert by itself. */
    static Date dateClaim(JWTClaimsSet claims, String name, List<String> problems) {
        try {
            return claims.getDateClaim(name);
        } catch (ParseException e) {
            problems.add(name + " is not a NumericDate");
            return null;
        }
    }

    static String stringClaim(JWTClaimsSet claims, String name, List<String> problems) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            problems.add(name + " is not a string");
            return null;
        }
    }
}
