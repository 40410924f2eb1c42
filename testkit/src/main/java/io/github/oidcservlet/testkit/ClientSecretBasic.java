package io.github.oidcservlet.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code client_secret_basic}: HTTP Basic with the form-urlencoded id and secret (RFC 6749 §2.3.1). */
final class ClientSecretBasic implements ClientCredentialCheck {

    @Override
    public String name() {
        return "client_secret_basic";
    }

    @Override
    public boolean isUsedBy(RecordedRequest request) {
        String authorization = request.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    public ClientAuthResult authenticate(RecordedRequest request, Clients clients) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(request.header("Authorization").substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ClientAuthResult.Failed.invalidClient("Authorization header is not valid Base64", true);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return ClientAuthResult.Failed.invalidClient("Basic credentials lack a ':'", true);
        }
        // RFC 6749 §2.3.1: the client identifier and password are encoded with application/x-www-form-urlencoded
        // before being used as the Basic user-id and password.
        String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        RegisteredClient client = clients.find(clientId);
        if (client == null || !ClientCredentialCheck.secretMatches(client, secret)) {
            return ClientAuthResult.Failed.invalidClient("client authentication failed for '" + clientId + "'", true);
        }
        return new ClientAuthResult.Authenticated(client, name());
    }
}
