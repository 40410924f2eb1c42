package io.github.oidcservlet.core.internal.token;

import java.net.URI;
import java.util.Map;

/** {@code none}: a public client, identified by {@code client_id} and protected by PKCE alone (RFC 6749 §3.2.1). */
public final class NoClientAuthentication implements ClientAuthentication {

    private final String clientId;

    public NoClientAuthentication(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public void authenticate(URI tokenEndpoint, Map<String, String> form, Map<String, String> headers) {
        form.put("client_id", clientId);
    }

    @Override
    public String methodName() {
        return "none";
    }
}
