package io.github.oidcservlet.core.internal.provider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;

/**
 * The first use of the JDK's key factories and signature engines costs tens of milliseconds (provider lookup,
 * class loading); a throwaway verification per key type at start-up moves that cost off the first login.
 * Nothing it computes is kept or trusted.
 */
final class KeyWarmUp {

    private KeyWarmUp() {
    }

    /** @return how many keys were exercised */
    static int warm(List<JWK> keys) {
        int warmed = 0;
        for (JWK jwk : keys) {
            try {
                if (jwk instanceof RSAKey rsa) {
                    verifyNothing("SHA256withRSA", rsa.toRSAPublicKey(), rsa.size() / 8);
                    warmed++;
                } else if (jwk instanceof ECKey ec) {
                    verifyNothing("SHA256withECDSA", ec.toECPublicKey(), 72);
                    warmed++;
                }
            } catch (JOSEException | GeneralSecurityException | RuntimeException e) {
                // a key the JDK cannot use fails the same way at login, where it is reported
            }
        }
        return warmed;
    }

    private static void verifyNothing(String algorithm, PublicKey key, int signatureLength)
            throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(key);
        signature.update(new byte[32]);
        try {
            signature.verify(new byte[signatureLength]);
        } catch (java.security.SignatureException expected) {
            // an all-zero signature is malformed for ECDSA; the engine is warm all the same
        }
    }
}
