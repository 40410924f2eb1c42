package io.github.oidcservlet.testkit;

/** {@code none}: a public client names itself with {@code client_id} only (OIDC Core 9, RFC 6749 §2.1). */
final class NoClientAuthentication implements ClientCredentialCheck {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean isUsedBy(RecordedRequest request) {
        return request.form("client_id") != null;
    }

    @Override
    public ClientAuthResult authenticate(RecordedRequest request, Clients clients) {
        String clientId = request.form("client_id");
        RegisteredClient client = clients.find(clientId);
        if (client == null) {
            return ClientAuthResult.Failed.invalidClient("unknown client '" + clientId + "'", false);
        }
        // RFC 6749 §3.2.1: a confidential client MUST authenticate with the token endpoint.
        if (!client.isPublic()) {
            return ClientAuthResult.Failed.invalidClient("client '" + clientId + "' must authenticate", false);
        }
        return new ClientAuthResult.Authenticated(client, name());
    }
}
