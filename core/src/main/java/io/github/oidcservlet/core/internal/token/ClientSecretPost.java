package io.github.oidcservlet.core.internal.token;

import io.github.oidcservlet.core.internal.config.Secret;

import java.net.URI;
import java.util.Map;

/** {@code client_secret_post}: client id and secret in the form body (RFC 6749 §2.3.1). */
public final class ClientSecretPost implements ClientAuthentication {

    private final String clientId;
    private final Secret secret;

    public ClientSecretPost(String clientId, Secret secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    @Override
    public void authenticate(URI tokenEndpoint, Map<String, String> form, Map<String, String> headers) {
        form.put("client_id", clientId);
        form.put("client_secret", secret.reveal());
    }

    @Override
    public String methodName() {
        return "client_secret_post";
    }

    @Override
    public String toString() {
        return "ClientSecretPost[secret hidden]";
    }
}
