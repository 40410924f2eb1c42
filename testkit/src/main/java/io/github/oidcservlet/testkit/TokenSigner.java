package io.github.oidcservlet.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Turns claims into a compact JWT, honestly or in one of the broken ways of {@link Signing}. */
final class TokenSigner {

    private final Supplier<KeyMaterial> keys;
    private RSAKey forgedKey;

    TokenSigner(Supplier<KeyMaterial> keys) {
        this.keys = keys;
    }

    /**
     * @param clientSecret the secret for {@link Signing#HS256_WITH_CLIENT_SECRET}, else ignored (may be null)
     */
    String sign(JWTClaimsSet claims, Signing signing, boolean omitKid, String clientSecret) {
        return sign(claims, signing, omitKid, clientSecret, JOSEObjectType.JWT);
    }

    /** @param type the {@code typ} header, e.g. {@code logout+jwt}, or {@code null} for none */
    String sign(JWTClaimsSet claims, Signing signing, boolean omitKid, String clientSecret, JOSEObjectType type) {
        KeyMaterial current = keys.get();
        String rsaKid = omitKid ? null : current.rsaKid();
        try {
            return switch (signing) {
                case RS256 -> jws(claims, header(JWSAlgorithm.RS256, rsaKid, type), new RSASSASigner(current.rsa()));
                case ES256 -> jws(claims, header(JWSAlgorithm.ES256, omitKid ? null : current.ecKid(), type),
                        new ECDSASigner(current.ec()));
                case NONE -> new PlainJWT(claims).serialize();
                case FORGED -> jws(claims, header(JWSAlgorithm.RS256, rsaKid, type), new RSASSASigner(forgedKey()));
                case HS256_WITH_RSA_PUBLIC_KEY -> hmac(claims, header(JWSAlgorithm.HS256, rsaKid, type),
                        current.rsa().toRSAPublicKey().getEncoded());
                case HS256_WITH_CLIENT_SECRET ->
                        hmac(claims, header(JWSAlgorithm.HS256, null, type), secretBytes(clientSecret));
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with " + signing, e);
        }
    }

    /**
     * Signs any payload text with the provider's RSA key (RS256) and the given {@code typ}: a JSON {@code null},
     * an array, a number; things no honest provider issues but a signature still covers.
     */
    String signRawPayload(String payload, JOSEObjectType type) {
        KeyMaterial current = keys.get();
        try {
            JWSObject jws = new JWSObject(header(JWSAlgorithm.RS256, current.rsaKid(), type), new Payload(payload));
            jws.sign(new RSASSASigner(current.rsa()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a raw payload", e);
        }
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid, JOSEObjectType type) {
        return new JWSHeader.Builder(alg).type(type).keyID(kid).build();
    }

    private static String jws(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /*
     * Nimbus's MACSigner refuses keys shorter than 256 bits (RFC 7518 §3.2), but a test client secret such as
     * "test-secret" is shorter, and the point of these modes is to produce tokens an honest library would not.
     */
    private static String hmac(JWTClaimsSet claims, JWSHeader header, byte[] key) {
        String signingInput = header.toBase64URL() + "." + new Payload(claims.toJSONObject()).toBase64URL();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64URL.encode(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute HMAC-SHA256", e);
        }
    }

    private static byte[] secretBytes(String clientSecret) {
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalStateException("HS256_WITH_CLIENT_SECRET needs a client with a secret");
        }
        return clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    private synchronized RSAKey forgedKey() {
        if (forgedKey == null) {
            forgedKey = KeyMaterial.generateRsa();
        }
        return forgedKey;
    }
}
