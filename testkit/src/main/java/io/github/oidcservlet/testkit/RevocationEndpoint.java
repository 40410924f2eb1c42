package io.github.oidcservlet.testkit;

/** {@code /revoke}: token revocation (RFC 7009). */
final class RevocationEndpoint implements Endpoint {

    private final ProviderContext context;
    private final ClientCredentialChecks clientAuthentication;

    RevocationEndpoint(ProviderContext context, ClientCredentialChecks clientAuthentication) {
        this.context = context;
        this.clientAuthentication = clientAuthentication;
    }

    @Override
    public String name() {
        return "revoke";
    }

    @Override
    public Answer handle(RecordedRequest request) {
        // RFC 7009 §2.1: the client authenticates as at the token endpoint.
        ClientAuthResult auth = clientAuthentication.authenticate(request, context.clients,
                context.behaviour.allowedClientAuthMethods());
        if (auth instanceof ClientAuthResult.Failed failed) {
            return TokenEndpoint.refusal(context, failed);
        }
        String token = request.form("token");
        if (token == null) {
            return context.oauthError(400, "invalid_request", "token is required");
        }
        // RFC 7009 §2.2: an invalid or unknown token is no error; the answer is 200 either way.
        context.grants.revoke(token);
        return Answer.empty(200);
    }
}
