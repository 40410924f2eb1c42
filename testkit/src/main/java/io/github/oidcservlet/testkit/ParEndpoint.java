package io.github.oidcservlet.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /par}: the pushed authorization request endpoint (RFC 9126 §2). Checks the client as the token endpoint
 * does and the request as the authorization endpoint would, then stores it under a fresh {@code request_uri}.
 */
final class ParEndpoint implements Endpoint {

    /** Client authentication travels with the request but is no authorization request parameter. */
    private static final Set<String> CREDENTIALS = Set.of("client_secret", "client_assertion", "client_assertion_type");

    private final ProviderContext context;
    private final ClientCredentialChecks clientAuthentication;

    ParEndpoint(ProviderContext context, ClientCredentialChecks clientAuthentication) {
        this.context = context;
        this.clientAuthentication = clientAuthentication;
    }

    @Override
    public String name() {
        return "par";
    }

    @Override
    public Answer handle(RecordedRequest request) throws InterruptedException {
        ProviderBehaviour behaviour = context.behaviour;
        if (!context.pause(behaviour.parDelay())) {
            return Answer.empty(503);
        }
        PushedRequestBehaviour.ParError forced = behaviour.parError();
        if (forced != null) {
            return context.oauthError(forced.status(), forced.error(), forced.description());
        }
        // RFC 9126 §2: "The client sends an HTTP POST request".
        if (!"POST".equals(request.method())) {
            return context.oauthError(405, "invalid_request", "the PAR endpoint takes POST only");
        }
        // RFC 9126 §2.1 (1): the server "MUST authenticate the client in the same way as at the token endpoint".
        ClientAuthResult auth = clientAuthentication.authenticate(request, context.clients,
                behaviour.allowedClientAuthMethods());
        if (auth instanceof ClientAuthResult.Failed failed) {
            return TokenEndpoint.refusal(context, failed);
        }
        RegisteredClient client = ((ClientAuthResult.Authenticated) auth).client();
        // RFC 9126 §2.1 (2): it "MUST reject the request if the request_uri authorization request parameter is
        // provided".
        if (request.form("request_uri") != null) {
            return context.oauthError(400, "invalid_request", "request_uri must not be pushed (RFC 9126 §2.1)");
        }
        if (!client.clientId().equals(request.form("client_id"))) {
            return context.oauthError(400, "invalid_request", "client_id must name the authenticated client");
        }
        // RFC 9126 §2.1 (3): it "MUST validate the pushed request as it would an authorization request".
        String redirectUri = request.form("redirect_uri");
        if (redirectUri == null || !client.allowsRedirect(redirectUri)) {
            return context.oauthError(400, "invalid_request", "redirect_uri is not registered for the client");
        }
        AuthorizationEndpoint.Refusal problem = AuthorizationEndpoint.problem(request, behaviour.nonceAndPkceOptional());
        if (problem != null) {
            return context.oauthError(400, problem.error(), problem.description());
        }
        Map<String, List<String>> params = new LinkedHashMap<>(request.formParams());
        params.keySet().removeAll(CREDENTIALS);
        long lifetime = behaviour.parLifetime().toSeconds();
        String requestUri = context.pushed.push(new PushedRequests.Pushed(client.clientId(), params,
                context.clock.instant().plus(behaviour.parLifetime())));
        // RFC 9126 §2.2: "HTTP 201" with request_uri and expires_in, not to be cached.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_uri", requestUri);
        body.put("expires_in", lifetime);
        return context.json(201, body).withHeader("Cache-Control", "no-store");
    }
}
