package io.github.oidcservlet.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The provider's current signing keys, private parts included, so that tests can sign tokens of their own.
 *
 * @param rsa the RSA 2048 key used for RS256 ({@code use=sig}, {@code alg=RS256}, a random {@code kid})
 * @param ec  the P-256 key used for ES256 ({@code use=sig}, {@code alg=ES256}, a random {@code kid})
 */
public record KeyMaterial(RSAKey rsa, ECKey ec) {

    /**
     * Keys of both kinds.
     *
     * @param rsa the RSA key (signs RS256)
     * @param ec  the EC P-256 key (signs ES256)
     */
    public KeyMaterial {
        Objects.requireNonNull(rsa, "rsa");
        Objects.requireNonNull(ec, "ec");
    }

    /**
     * Fresh keys with fresh key ids.
     *
     * @return the new keys
     */
    public static KeyMaterial generate() {
        return new KeyMaterial(generateRsa(), generateEc());
    }

    /**
     * A fresh RSA signing key, e.g. one that no JWKS publishes.
     *
     * @return the new key
     */
    public static RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("rsa-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("ec-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC key", e);
        }
    }

    /** {@return the key id of the RSA key} */
    public String rsaKid() {
        return rsa.getKeyID();
    }

    /** {@return the key id of the EC key} */
    public String ecKid() {
        return ec.getKeyID();
    }

    /**
     * The public halves, as the JWKS endpoint publishes them.
     *
     * @return the public keys as a JWK set
     */
    public JWKSet publicJwkSet() {
        return publicJwkSet(false);
    }

    JWKSet publicJwkSet(boolean omitKid) {
        JWK rsaPublic = rsa.toPublicJWK();
        JWK ecPublic = ec.toPublicJWK();
        if (omitKid) {
            rsaPublic = new RSAKey.Builder(rsa.toPublicJWK()).keyID(null).build();
            ecPublic = new ECKey.Builder(ec.toPublicJWK()).keyID(null).build();
        }
        return new JWKSet(List.of(rsaPublic, ecPublic));
    }
}
