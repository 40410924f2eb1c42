package io.github.oidcservlet.core.internal.token;

import io.github.oidcservlet.core.internal.config.Secret;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** {@code client_secret_basic}: HTTP Basic with the client id and secret. */
public final class ClientSecretBasic implements ClientAuthentication {

    private final String authorization;

    public ClientSecretBasic(String clientId, Secret secret) {
        // RFC 6749 §2.3.1: "The client identifier is encoded using the application/x-www-form-urlencoded encoding
        // algorithm ..., and the encoded value is used as the username; the client password is encoded using the
        // same algorithm and used as the password."
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret.reveal(), StandardCharsets.UTF_8);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void authenticate(URI tokenEndpoint, Map<String, String> form, Map<String, String> headers) {
        headers.put("Authorization", authorization);
    }

    @Override
    public String methodName() {
        return "client_secret_basic";
    }

    @Override
    public String toString() {
        return "ClientSecretBasic[secret hidden]";
    }
}
