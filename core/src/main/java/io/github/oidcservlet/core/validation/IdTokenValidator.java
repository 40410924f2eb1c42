package io.github.oidcservlet.core.validation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.oidcservlet.core.config.OidcConfig;
import io.github.oidcservlet.core.provider.ProviderMetadata;
import io.github.oidcservlet.core.provider.ProviderUnavailableException;

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

    private final String issuer;
    private final String clientId;
    private final long skewSeconds;
    private final Clock clock;
    private final Set<JWSAlgorithm> allowed;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Long maxAgeSeconds;
    private final List<String> acrValues;

    public IdTokenValidator(OidcConfig config, ProviderMetadata metadata,
                            Supplier<JWKSource<SecurityContext>> jwkSource, Clock clock) {
        this.issuer = config.issuer();
        this.clientId = config.clientId();
        this.skewSeconds = config.clockSkew().toSeconds();
        this.clock = clock;
        this.allowed = allowedAlgorithms(config, metadata);
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new AllowedAlgorithmsKeySelector(allowed, config.clientSecret().orElse(null), jwkSource));
        processor.setJWSTypeVerifier((type, context) -> {
            if (type != null && FOREIGN_TYPES.contains(type.getType().toLowerCase(java.util.Locale.ROOT))) {
                throw new BadJOSEException("typ '" + type + "' is not an ID token");
            }
        });
        // Claims are checked below, rule by rule, so that every problem is reported with its clause.
        processor.setJWTClaimsSetVerifier(null);
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
        JWTClaimsSet claims = verifySignature(idToken);
        List<String> problems = new ArrayList<>();
        Instant now = clock.instant();

        // (2) "The Issuer Identifier for the OpenID Provider ... MUST exactly match the value of the iss Claim."
        if (!issuer.equals(claims.getIssuer())) {
            problems.add("iss is '" + claims.getIssuer() + "', expected '" + issuer + "' (OIDC Core 3.1.3.7 rule 2)");
        }
        // (3) "The Client MUST validate that the aud Claim contains its client_id value."
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            problems.add("aud " + audience + " does not contain client_id '" + clientId + "' (rule 3)");
        }
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
        // (9) "The current time MUST be before the time represented by the exp Claim" (with clock-skew).
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            problems.add("exp is missing (rule 9; OIDC Core §2 REQUIRED)");
        } else if (!now.isBefore(exp.toInstant().plusSeconds(skewSeconds))) {
            problems.add("the token expired at " + exp.toInstant() + " (rule 9, clock-skew " + skewSeconds + " s)");
        }
        // (10) "The iat Claim can be used to reject tokens that were issued too far away from the current time."
        // iat is REQUIRED (§2); a token issued in the future beyond the skew is refused.
        Date iat = claims.getIssueTime();
        if (iat == null) {
            problems.add("iat is missing (rule 10; OIDC Core §2 REQUIRED)");
        } else if (iat.toInstant().isAfter(now.plusSeconds(skewSeconds))) {
            problems.add("iat " + iat.toInstant() + " is in the future (rule 10, clock-skew " + skewSeconds + " s)");
        }
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
        // OIDC Core §2: sub is REQUIRED; it identifies the user at this issuer.
        if (claims.getSubject() == null || claims.getSubject().isEmpty()) {
            problems.add("sub is missing (OIDC Core §2 REQUIRED)");
        }
        if (!problems.isEmpty()) {
            throw new TokenValidationException("ID token", problems);
        }
        return claims;
    }

    /**
     * Rules (1), (6), (7), (8): parse, refuse what is not signed with an accepted algorithm, verify the signature
     * with the provider's keys (or the client secret for HMAC), never trusting the algorithm the header names.
     */
    private JWTClaimsSet verifySignature(String idToken) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw new TokenValidationException("ID token", List.of("it is not a JWT"));
        }
        if (jwt instanceof PlainJWT) {
            // (6)/(7): an unsecured (alg "none") ID token is never accepted from the token endpoint here.
            throw new TokenValidationException("ID token", List.of("it is unsigned (alg none)"));
        }
        if (jwt instanceof EncryptedJWT) {
            // (1) "If the ID Token is encrypted, decrypt it using the keys and algorithms that the Client specified
            // during Registration": this client registers no encryption key.
            throw new TokenValidationException("ID token", List.of("it is encrypted, but no decryption key is configured"));
        }
        SignedJWT signed = (SignedJWT) jwt;
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        // (7) "The alg value SHOULD be the default of RS256 or the algorithm sent by the Client in the
        // id_token_signed_response_alg parameter during Registration."
        if (!allowed.contains(alg)) {
            throw new TokenValidationException("ID token", List.of("it is signed with " + alg
                    + ", but only " + allowed + " are accepted (rule 7; see id-token-algs)"));
        }
        try {
            // (6) "The Client MUST validate the signature of all other ID Tokens according to JWS using the algorithm
            // specified in the JWT alg Header Parameter. The Client MUST use the keys provided by the Issuer."
            // (8) HMAC: "the octets of the UTF-8 representation of the client_secret ... are used as the key".
            return processor.process(signed, null);
        } catch (BadJOSEException e) {
            throw new TokenValidationException("ID token", List.of("its signature could not be verified with the "
                    + "provider's keys (" + e.getMessage() + ")"));
        } catch (JOSEException e) {
            ProviderUnavailableException unavailable = unavailableCause(e);
            if (unavailable != null) {
                throw unavailable;
            }
            throw new TokenValidationException("ID token", List.of("its signature could not be checked ("
                    + e.getMessage() + ")"));
        }
    }

    private static ProviderUnavailableException unavailableCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProviderUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    /** A NumericDate claim (seconds since the epoch, OIDC Core §2) that Nimbus does not convert by itself. */
    private static Date dateClaim(JWTClaimsSet claims, String name, List<String> problems) {
        try {
            return claims.getDateClaim(name);
        } catch (ParseException e) {
            problems.add(name + " is not a NumericDate");
            return null;
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name, List<String> problems) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            problems.add(name + " is not a string");
            return null;
        }
    }
}
