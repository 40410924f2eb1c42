package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.TestConfigs;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Keys and ID tokens for validator tests. Keys are generated once per JVM: RSA generation is slow. */
final class IdTokens {

    static final RSAKey RSA = generateRsa("rsa-1");
    static final RSAKey OTHER_RSA = generateRsa("rsa-1");
    static final ECKey EC = generateEc();
    static final String NONCE = "n-0S6_WzA2Mj";

    private IdTokens() {
    }

    static JWKSource<SecurityContext> jwks() {
        return new ImmutableJWKSet<>(new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())));
    }

    /** Claims a valid ID token has at {@code now}. */
    static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(TestConfigs.ISSUER)
                .subject("248289761001")
                .audience(TestConfigs.CLIENT_ID)
                .expirationTime(Date.from(now.plusSeconds(300)))
                .issueTime(Date.from(now))
                .claim("nonce", NONCE)
                .claim("preferred_username", "alice");
    }

    static String rs256(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID()).build(), claims, RSA);
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, Object key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            if (key instanceof RSAKey rsa) {
                jwt.sign(new RSASSASigner(rsa));
            } else if (key instanceof ECKey ec) {
                jwt.sign(new ECDSASigner(ec));
            } else {
                jwt.sign(new MACSigner((byte[]) key));
            }
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String es256(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(EC.getKeyID()).build(), claims, EC);
    }

    /** The RSA public key's X.509 encoding: what an algorithm-confusion attacker uses as an HMAC key. */
    static byte[] rsaPublicKeyBytes() {
        try {
            return RSA.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {"alg":"none"} and an empty signature. */
    static String unsigned(JWTClaimsSet claims) {
        return Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims.toString()) + ".";
    }

    private static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
