package io.github.oidcservlet.core.internal.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;

import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.Map;

/**
 * {@code private_key_jwt}: an assertion signed with the client's private key (OIDC Core §9), RS256 for an RSA
 * key, ES256 for an EC P-256 key; the provider knows the public key from the client's registration.
 */
public final class PrivateKeyJwt implements ClientAuthentication {

    private final ClientAssertions assertions;

    /** @param audience the {@code client-assertion-audience}, or {@code null} for the token endpoint URL */
    public PrivateKeyJwt(String clientId, PrivateKey key, String audience, Clock clock) {
        JWSAlgorithm algorithm;
        JWSSigner signer;
        if (key instanceof RSAPrivateKey rsa) {
            algorithm = JWSAlgorithm.RS256;
            signer = new RSASSASigner(rsa);
        } else if (key instanceof ECPrivateKey ec) {
            algorithm = JWSAlgorithm.ES256;
            try {
                signer = new ECDSASigner(ec);
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalArgumentException("client-private-key is not an EC P-256 key", e);
            }
        } else {
            throw new IllegalArgumentException("client-private-key must be an RSA or EC P-256 key");
        }
        this.assertions = new ClientAssertions(clientId, audience, algorithm, signer, clock);
    }

    @Override
    public void authenticate(URI tokenEndpoint, Map<String, String> form, Map<String, String> headers) {
        assertions.addTo(tokenEndpoint, form);
    }

    @Override
    public String methodName() {
        return "private_key_jwt";
    }

    @Override
    public String toString() {
        return "PrivateKeyJwt[key hidden]";
    }
}
