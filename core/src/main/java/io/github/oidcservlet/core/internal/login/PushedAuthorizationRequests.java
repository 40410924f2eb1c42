package io.github.oidcservlet.core.internal.login;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.internal.provider.HttpResult;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;
import io.github.oidcservlet.core.internal.token.ClientAuthentication;
import io.github.oidcservlet.core.internal.token.TokenEndpointException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pushed authorization requests (RFC 9126): when the {@code par} key and the provider say so, the authorization
 * request's parameters go to the provider's PAR endpoint over the back channel, with the client authenticated as at
 * the token endpoint, and the browser is sent to the authorization endpoint with {@code client_id} and
 * {@code request_uri} only. Thread-safe.
 */
public final class PushedAuthorizationRequests {

    private static final System.Logger LOG = System.getLogger(PushedAuthorizationRequests.class.getName());
    private static final String WHAT = "pushed authorization request endpoint";

    private final OidcConfig config;
    private final OidcProvider provider;
    private final ClientAuthentication clientAuthentication;

    /**
     * @param clientAuthentication the token endpoint's client authentication, which the PAR endpoint shares
     */
    public PushedAuthorizationRequests(OidcConfig config, OidcProvider provider,
                                       ClientAuthentication clientAuthentication) {
        this.config = config;
        this.provider = provider;
        this.clientAuthentication = clientAuthentication;
    }

    /**
     * Where the browser goes to authorize: the authorization endpoint with every parameter in its query, or, when
     * this login pushes, with only {@code client_id} and the {@code request_uri} the PAR endpoint answered.
     *
     * @param authorizationEndpoint the provider's authorization endpoint
     * @param params                the authorization request's parameters, exactly as the front channel would carry
     *                              them
     * @return the location to redirect the browser to
     * @throws Refused when the PAR endpoint refuses the request (RFC 9126 §2.3)
     */
    URI location(URI authorizationEndpoint, Map<String, String> params) {
        ProviderMetadata metadata = provider.metadata();
        URI endpoint = metadata.pushedAuthorizationRequestEndpoint();
        if (endpoint == null || !config.par().pushes(metadata.requirePushedAuthorizationRequests())) {
            return AuthorizationRequests.withQuery(authorizationEndpoint, params);
        }
        String requestUri = push(endpoint, params);
        // RFC 9126 §4: "The client uses the request_uri value returned by the authorization server to build an
        // authorization request as defined in [RFC9101]." RFC 9101 §5: client_id and request_uri, nothing else
        // needed; the pushed parameters (state, nonce, PKCE challenge, redirect_uri) stay out of the browser's URL.
        Map<String, String> front = new LinkedHashMap<>();
        front.put("client_id", config.clientId());
        front.put("request_uri", requestUri);
        return AuthorizationRequests.withQuery(authorizationEndpoint, front);
    }

    private String push(URI endpoint, Map<String, String> params) {
        // RFC 9126 §2.1: "The client adds the parameters defined in [RFC6749] ... to the message body of an HTTP
        // POST request" (application/x-www-form-urlencoded); the request_uri parameter "MUST NOT be provided"
        // (extra-auth-params cannot carry it: LoginRequestRules reserves it).
        Map<String, String> form = new LinkedHashMap<>(params);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        // RFC 9126 §2: "The rules for client authentication as defined in [RFC6749] for token endpoint requests,
        // including the applicable authentication methods, apply for the PAR endpoint as well." For JWT assertions
        // "the issuer identifier URL of the authorization server ... SHOULD be used as the value of the audience".
        clientAuthentication.authenticate(audience(endpoint), form, headers);
        HttpResult result = provider.http().postForm(endpoint, form, headers, WHAT);
        return requestUri(result);
    }

    /** The issuer as the assertions' audience; the PAR endpoint when the issuer is no URI (manual endpoints). */
    private URI audience(URI endpoint) {
        try {
            URI issuer = new URI(config.issuer());
            return issuer.isAbsolute() ? issuer : endpoint;
        } catch (URISyntaxException e) {
            // RFC 9126 §2: the server "MUST accept its issuer identifier, token endpoint URL, or pushed
            // authorization request endpoint URL" as audience.
            return endpoint;
        }
    }

    private static String requestUri(HttpResult result) {
        JsonNode body = result.jsonObject();
        if (result.isSuccess()) {
            // RFC 9126 §2.2: the answer is "HTTP 201" with a JSON object holding request_uri (REQUIRED) and
            // expires_in (REQUIRED, "A JSON number that represents the lifetime of the request URI in seconds as a
            // positive integer"). Other 2xx statuses are read the same way.
            if (body == null) {
                throw new ProviderProtocolException("The " + WHAT + " answered HTTP " + result.status()
                        + " without a JSON object (RFC 9126 §2.2)");
            }
            JsonNode requestUri = body.get("request_uri");
            if (requestUri == null || !requestUri.isTextual() || requestUri.asText().isBlank()) {
                throw new ProviderProtocolException("The " + WHAT + " answered without a request_uri (RFC 9126 §2.2)");
            }
            JsonNode expiresIn = body.get("expires_in");
            if (expiresIn == null || !expiresIn.canConvertToLong() || !expiresIn.isIntegralNumber()
                    || expiresIn.asLong() <= 0) {
                throw new ProviderProtocolException("The " + WHAT + " answered without a positive integer "
                        + "expires_in (RFC 9126 §2.2)");
            }
            return requestUri.asText();
        }
        // RFC 9126 §2.3: 429 "If the request from the client for a time period goes beyond the number the
        // authorization server allows": a later try may pass, as after a server error.
        if (result.status() == 429 || result.status() >= 500) {
            throw new ProviderUnavailableException("The " + WHAT + " answered HTTP " + result.status());
        }
        // RFC 9126 §2.3: "the authorization server returns an error response with the same format as is specified
        // for error responses from the token endpoint in Section 5.2 of [RFC6749]".
        if (body != null && body.path("error").isTextual()) {
            Refused refused = new Refused(result.status(), body.get("error").asText(),
                    body.path("error_description").isTextual() ? body.get("error_description").asText() : null);
            LOG.log(System.Logger.Level.WARNING, LogText.safe(refused.getMessage()));
            throw refused;
        }
        throw new ProviderProtocolException("The " + WHAT + " answered HTTP " + result.status()
                + " without an OAuth 2.0 error (RFC 9126 §2.3)");
    }

    /**
     * The PAR endpoint refused the request with an RFC 9126 §2.3 error ({@code invalid_request},
     * {@code invalid_client}, ...), which has "the same format as is specified for error responses from the token
     * endpoint". Carries the provider's words and status; never a secret.
     */
    public static final class Refused extends TokenEndpointException {

        private static final long serialVersionUID = 1L;

        Refused(int status, String error, String errorDescription) {
            super(WHAT, status, error, errorDescription);
        }
    }
}
