package io.github.oidcservlet.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Realistic tokens (sizes and claims as Keycloak issues them) for benchmarks and memory figures. */
public final class Tokens {

    public static final String ISSUER = "https://login.example.com/realms/acme";
    public static final String CLIENT_ID = "shop-frontend";
    public static final String NONCE = "bVhQ1mZr3wYk2Pq9n0XtLs7a";

    private Tokens() {
    }

    public static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("ec-" + UUID.randomUUID()).algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ID token like Keycloak's (about 1.1 KB), valid for an hour from {@code now}. */
    public static JWTClaimsSet idTokenClaims(Instant now, String subject) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(subject).audience(CLIENT_ID)
                .expirationTime(Date.from(now.plusSeconds(3600))).issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", now.getEpochSecond())
                .claim("nonce", NONCE).claim("azp", CLIENT_ID)
                .claim("sid", UUID.randomUUID().toString())
                .claim("at_hash", "7Yq3bTgS0p8vB0kQ5xG1Zw").claim("acr", "1")
                .claim("email_verified", true).claim("name", "Alice Andersen")
                .claim("preferred_username", "alice").claim("given_name", "Alice").claim("family_name", "Andersen")
                .claim("email", "alice.andersen@example.com")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "admin")))
                .claim("groups", List.of("users", "admin"))
                .build();
    }

    /** An access token like Keycloak's (about 1.4 KB). */
    public static JWTClaimsSet accessTokenClaims(Instant now, String subject) {
        return new JWTClaimsSet.Builder(idTokenClaims(now, subject))
                .audience(List.of("account", "orders-api"))
                .claim("typ", "Bearer").claim("scope", "openid profile email")
                .claim("resource_access", Map.of("account", Map.of("roles", List.of("manage-account",
                        "manage-account-links", "view-profile"))))
                .claim("allowed-origins", List.of("https://shop.example.com"))
                .build();
    }

    public static String sign(JWTClaimsSet claims, JWK key) {
        try {
            if (key instanceof RSAKey rsa) {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(rsa));
                return jwt.serialize();
            }
            ECKey ec = (ECKey) key;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(ec));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
