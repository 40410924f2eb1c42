package io.github.oidcservlet.core.internal.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.internal.RandomTokens;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Makes and attaches the signed JWT client assertions of {@code client_secret_jwt} and {@code private_key_jwt}
 * (OIDC Core §9, RFC 7523 §2.2 and §3). A new assertion for every token request. Thread-safe.
 */
final class ClientAssertions {

    /** RFC 7523 §2.2: the value of {@code client_assertion_type}. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Short-lived: the assertion is used at once, and a stolen one must soon be worthless. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final String clientId;
    private final String audience;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final Clock clock;

    /**
     * @param audience the configured {@code client-assertion-audience}, or {@code null} for the token endpoint
     */
    ClientAssertions(String clientId, String audience, JWSAlgorithm algorithm, JWSSigner signer, Clock clock) {
        this.clientId = clientId;
        this.audience = audience;
        this.algorithm = algorithm;
        this.signer = signer;
        this.clock = clock;
    }

    /** Adds {@code client_id}, {@code client_assertion_type} and a fresh {@code client_assertion} to the form. */
    void addTo(URI tokenEndpoint, Map<String, String> form) {
        form.put("client_id", clientId);
        form.put("client_assertion_type", JWT_BEARER);
        form.put("client_assertion", sign(tokenEndpoint));
    }

    private String sign(URI tokenEndpoint) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                // OIDC Core §9 / RFC 7523 §3: iss and sub are both the client_id.
                .issuer(clientId)
                .subject(clientId)
                // OIDC Core §9: "The Audience SHOULD be the URL of the Authorization Server's Token Endpoint";
                // some providers want another value (LoginID: the issuer's host name): client-assertion-audience.
                .audience(audience != null ? audience : tokenEndpoint.toString())
                // RFC 7523 §3: exp is required; we keep it short.
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .issueTime(Date.from(now))
                // OIDC Core §9: jti is "A unique identifier for the token, which can be used to prevent reuse of the
                // token"; every request, the refresh grant included, gets a new one.
                .jwtID(newJti())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion with " + algorithm, e);
        }
        return jwt.serialize();
    }

    private static String newJti() {
        return RandomTokens.of(24);
    }
}
