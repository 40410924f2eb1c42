package io.github.oidcservlet.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /authorize}: the authorization code flow's front channel (OIDC Core 3.1.2, RFC 6749 §4.1, RFC 7636 §4.4,
 * RFC 9207), with the {@code request_uri} of a pushed request (RFC 9126 §4). Logs in
 * {@link ProviderBehaviour#loginAs()} at once, or shows a login form when interactive.
 */
final class AuthorizationEndpoint implements Endpoint {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    /** RFC 7636 §4.2: BASE64URL of a SHA-256 hash is 43 characters; §4.1 allows 43 to 128 unreserved ones. */
    private static final Pattern CODE_CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    /** Why a request is refused, in RFC 6749 §4.1.2.1 terms. */
    record Refusal(String error, String description) {
    }

    private final ProviderContext context;

    AuthorizationEndpoint(ProviderContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "authorize";
    }

    @Override
    public Answer handle(RecordedRequest received) {
        RecordedRequest request = received;
        String clientId = received.param("client_id");
        if (received.param("request_uri") != null) {
            String requestUri = received.param("request_uri");
            PushedRequests.Pushed pushed = context.pushed.find(requestUri);
            // RFC 9126 §4: the request_uri is one-time use and bound to the client that pushed it; the
            // authorization server "MUST validate authorization requests arising from a pushed request as it would
            // any other authorization request".
            if (pushed == null || pushed.isExpired(context.clock.instant())) {
                return errorPage("request_uri is unknown, expired or already used");
            }
            if (!pushed.clientId().equals(clientId)) {
                return errorPage("request_uri was pushed by another client than '" + clientId + "'");
            }
            // Used up now, unless the login form must be shown first: its POST brings the request_uri back.
            if (username(received) != null && context.pushed.take(requestUri) == null) {
                return errorPage("request_uri is unknown, expired or already used");
            }
            request = new RecordedRequest(received.endpoint(), received.method(), received.path(), pushed.params(),
                    received.formParams(), received.headers(), received.receivedAt());
        }
        RegisteredClient client = context.clients.find(clientId);
        // RFC 6749 §4.1.2.1: with an unknown client or a bad redirect URI the user must not be redirected.
        if (client == null) {
            return errorPage("unknown client_id '" + clientId + "'");
        }
        String redirectUri = request.param("redirect_uri");
        if (redirectUri == null || !client.allowsRedirect(redirectUri)) {
            return errorPage("redirect_uri '" + redirectUri + "' is not registered for client '" + clientId + "'");
        }
        String state = request.param("state");
        // RFC 9126 §5: require_pushed_authorization_requests, "the authorization server accepts authorization
        // request data only via PAR".
        if (request == received && context.behaviour.requirePar()) {
            return errorRedirect(redirectUri, "invalid_request", "pushed authorization requests are required "
                    + "(RFC 9126 §5)", state);
        }
        ProviderBehaviour.AuthorizationError forced = context.behaviour.authorizationError();
        if (forced != null) {
            return errorRedirect(redirectUri, forced.error(), forced.description(), forced.includeState() ? state : null);
        }
        Refusal problem = problem(request, context.behaviour.nonceAndPkceOptional());
        if (problem != null) {
            return errorRedirect(redirectUri, problem.error(), problem.description(), state);
        }
        String username = username(request);
        // OIDC Core 3.1.2.1: with prompt=none the provider "MUST NOT display any authentication or consent user
        // interface pages"; a user it would have to ask gets login_required.
        if (username == null && "none".equals(request.param("prompt"))) {
            return errorRedirect(redirectUri, "login_required", "the user must log in", state);
        }
        if (username == null) {
            // A pushed request's form posts back client_id and request_uri, which stays valid until then.
            return LoginForm.render(context.uris.path(EndpointUris.AUTHORIZE), received);
        }
        Instant now = context.clock.instant();
        String code = context.grants.newCode(new Grants.AuthorizationCode(clientId, redirectUri, username,
                request.param("nonce"), request.param("code_challenge"), request.param("scope"), now,
                now.plus(CODE_LIFETIME)));
        return Answer.redirect(Redirects.withParams(redirectUri, "code", code, "state", state, "iss", issParameter()));
    }

    /** The user to log in, or {@code null} when the login form must be shown first. */
    private String username(RecordedRequest request) {
        if (!context.behaviour.interactiveLogin()) {
            return context.behaviour.loginAs();
        }
        String submitted = "POST".equals(request.method()) ? request.form(LoginForm.USERNAME) : null;
        return submitted == null || submitted.isBlank() ? null : submitted.trim();
    }

    /** The first reason to refuse the request, or {@code null}; the PAR endpoint checks the same. */
    static Refusal problem(RecordedRequest request, boolean nonceAndPkceOptional) {
        String responseType = request.param("response_type");
        if (responseType == null) {
            return new Refusal("invalid_request", "response_type is required");
        }
        if (!"code".equals(responseType)) {
            return new Refusal("unsupported_response_type", "only response_type=code is supported");
        }
        String scope = request.param("scope");
        // OIDC Core 3.1.2.1: scope MUST contain openid.
        if (scope == null || !Arrays.asList(scope.split(" ")).contains("openid")) {
            return new Refusal("invalid_scope", "scope must contain openid");
        }
        // This provider is strict on purpose: state and nonce (OIDC Core 3.1.2.1) and PKCE S256 (RFC 7636) are
        // required, so a relying party that forgets one fails its tests (unless told otherwise, for benchmarks).
        List<String> required = nonceAndPkceOptional ? List.of("state") : List.of("state", "nonce", "code_challenge");
        for (String name : required) {
            if (request.param(name) == null || request.param(name).isEmpty()) {
                return new Refusal("invalid_request", name + " is required");
            }
        }
        if (nonceAndPkceOptional && request.param("code_challenge") == null) {
            return null;
        }
        if (!"S256".equals(request.param("code_challenge_method"))) {
            return new Refusal("invalid_request", "code_challenge_method must be S256");
        }
        if (!CODE_CHALLENGE.matcher(request.param("code_challenge")).matches()) {
            return new Refusal("invalid_request", "code_challenge is malformed (RFC 7636 §4.2)");
        }
        return null;
    }

    private Answer errorRedirect(String redirectUri, String error, String description, String state) {
        // RFC 9207 §2: iss is sent on error responses too.
        return Answer.redirect(Redirects.withParams(redirectUri, "error", error, "error_description", description,
                "state", state, "iss", issParameter()));
    }

    private String issParameter() {
        ProviderBehaviour.IssParameter iss = context.behaviour.issParameter();
        if (!iss.send()) {
            return null;
        }
        return iss.value() != null ? iss.value() : context.advertisedIssuer();
    }

    private static Answer errorPage(String message) {
        return Answer.html(400, "Authorization request refused", "<p id=\"error\">" + Answer.escape(message) + "</p>");
    }
}
