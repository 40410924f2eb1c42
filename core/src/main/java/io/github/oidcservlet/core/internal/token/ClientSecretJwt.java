package io.github.oidcservlet.core.internal.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACSigner;
import io.github.oidcservlet.core.internal.config.Secret;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/** {@code client_secret_jwt}: an HS256 assertion keyed with the client secret's UTF-8 bytes (OIDC Core §9). */
public final class ClientSecretJwt implements ClientAuthentication {

    private final ClientAssertions assertions;

    /**
     * @param audience the {@code client-assertion-audience}, or {@code null} for the token endpoint URL
     * @throws IllegalArgumentException when the secret is shorter than 32 bytes (RFC 7518 §3.2)
     */
    public ClientSecretJwt(String clientId, Secret secret, String audience, Clock clock) {
        MACSigner signer;
        try {
            signer = new MACSigner(secret.bytes());
        } catch (KeyLengthException e) {
            throw new IllegalArgumentException("client-secret is too short for client_secret_jwt (RFC 7518 §3.2)");
        }
        this.assertions = new ClientAssertions(clientId, audience, JWSAlgorithm.HS256, signer, clock);
    }

    @Override
    public void authenticate(URI tokenEndpoint, Map<String, String> form, Map<String, String> headers) {
        assertions.addTo(tokenEndpoint, form);
    }

    @Override
    public String methodName() {
        return "client_secret_jwt";
    }

    @Override
    public String toString() {
        return "ClientSecretJwt[secret hidden]";
    }
}
