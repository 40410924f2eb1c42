package io.github.oidcservlet.testkit;

/** {@code client_secret_post}: {@code client_id} and {@code client_secret} in the request body (RFC 6749 §2.3.1). */
final class ClientSecretPost implements ClientCredentialCheck {

    @Override
    public String name() {
        return "client_secret_post";
    }

    @Override
    public boolean isUsedBy(RecordedRequest request) {
        return request.form("client_secret") != null || request.query("client_secret") != null;
    }

    @Override
    public ClientAuthResult authenticate(RecordedRequest request, Clients clients) {
        // RFC 6749 §2.3.1: the parameters can only be transmitted in the request-body, never in the URI.
        if (request.query("client_secret") != null) {
            return new ClientAuthResult.Failed(400, "invalid_request", "client_secret must not be in the query", false);
        }
        String clientId = request.form("client_id");
        RegisteredClient client = clients.find(clientId);
        if (client == null || !ClientCredentialCheck.secretMatches(client, request.form("client_secret"))) {
            return ClientAuthResult.Failed.invalidClient("client authentication failed for '" + clientId + "'", false);
        }
        return new ClientAuthResult.Authenticated(client, name());
    }
}
