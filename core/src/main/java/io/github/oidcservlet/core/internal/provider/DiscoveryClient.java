package io.github.oidcservlet.core.internal.provider;

import io.github.oidcservlet.core.ProviderProtocolException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.internal.config.ClientAuthMethod;
import io.github.oidcservlet.core.internal.config.ParPolicy;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.config.PlainHttp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Fetches and checks the provider's discovery document (OpenID Connect Discovery 1.0). */
final class DiscoveryClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(DiscoveryClient.class.getName());

    private final OidcConfig config;
    private final ProviderHttp http;

    DiscoveryClient(OidcConfig config, ProviderHttp http) {
        this.config = config;
        this.http = http;
    }

    ProviderMetadata fetch() {
        URI uri = config.effectiveDiscoveryUri();
        HttpResult result = http.get(uri, "discovery document", "Accept", "application/json");
        if (result.status() >= 500) {
            throw new ProviderUnavailableException("The discovery document at " + uri + " answered HTTP " + result.status());
        }
        if (result.status() != 200) {
            throw new ProviderProtocolException("The discovery document at " + uri + " answered HTTP "
                    + result.status() + " (check issuer / discovery-uri)");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(result.body());
        } catch (JsonProcessingException e) {
            throw new ProviderProtocolException("The discovery document at " + uri + " is not valid JSON");
        }
        if (doc == null || !doc.isObject()) {
            throw new ProviderProtocolException("The discovery document at " + uri + " is not a JSON object");
        }
        // OpenID Discovery 1.0 §4.3: "The issuer value returned MUST be identical to the Issuer URL that was used
        // as the prefix to /.well-known/openid-configuration to retrieve the configuration information."
        String issuer = text(doc, "issuer");
        if (!config.issuer().equals(issuer)) {
            throw new ProviderProtocolException("The discovery document at " + uri + " names issuer '" + issuer
                    + "', but the configured issuer is '" + config.issuer()
                    + "'; they must be identical (OpenID Discovery 1.0 §4.3): fix the issuer setting");
        }
        List<String> problems = new ArrayList<>();
        ProviderMetadata metadata = new ProviderMetadata(
                issuer,
                config.authorizationEndpoint().orElseGet(() -> url(doc, "authorization_endpoint", true, problems)),
                config.tokenEndpoint().orElseGet(() -> url(doc, "token_endpoint", true, problems)),
                config.userinfoEndpoint().orElseGet(() -> url(doc, "userinfo_endpoint", false, problems)),
                config.jwksUri().orElseGet(() -> url(doc, "jwks_uri", false, problems)),
                config.endSessionEndpoint().orElseGet(() -> url(doc, "end_session_endpoint", false, problems)),
                config.revocationEndpoint().orElseGet(() -> url(doc, "revocation_endpoint", false, problems)),
                strings(doc, "id_token_signing_alg_values_supported"),
                strings(doc, "token_endpoint_auth_methods_supported"),
                // RFC 9207 §3: absent means false.
                doc.path("authorization_response_iss_parameter_supported").asBoolean(false),
                config.par().configuredEndpoint()
                        .orElseGet(() -> url(doc, "pushed_authorization_request_endpoint", false, problems)),
                // RFC 9126 §5: "If omitted, the default value is false."
                doc.path("require_pushed_authorization_requests").asBoolean(false));
        if (!problems.isEmpty()) {
            throw new ProviderProtocolException("The discovery document at " + uri + " is unusable: "
                    + String.join("; ", problems));
        }
        checkClientAuthMethod(uri, metadata.tokenEndpointAuthMethods());
        checkPar(uri, metadata);
        return metadata;
    }

    /**
     * OpenID Discovery 1.0 §3: {@code token_endpoint_auth_methods_supported} lists the methods the token endpoint
     * accepts (absent means client_secret_basic). A method it does not list fails start-up with both lists, so a
     * mismatch shows at deployment rather than as an {@code invalid_client} at every login. {@code none} only
     * warns: providers that serve public clients with PKCE often leave it out of the list.
     */
    private void checkClientAuthMethod(URI uri, List<String> advertised) {
        String configured = config.clientAuthMethod().registeredName();
        if (advertised.isEmpty() || advertised.contains(configured)) {
            return;
        }
        String message = "client-auth-method is '" + configured + "', but the discovery document at " + uri
                + " lists token_endpoint_auth_methods_supported " + advertised;
        if (config.clientAuthMethod() == ClientAuthMethod.NONE) {
            LOG.log(System.Logger.Level.WARNING, LogText.safe(message) + "; trying the public client with PKCE anyway");
            return;
        }
        throw new ProviderProtocolException(message + ": set client-auth-method to one of them (if the provider "
                + "accepts '" + configured + "' although its document does not say so, configure "
                + "authorization-endpoint, token-endpoint and jwks-uri by hand, which skips discovery)");
    }

    /**
     * RFC 9126: {@code par=always} needs a PAR endpoint, and so does a provider that requires PAR (§5
     * {@code require_pushed_authorization_requests}: "the authorization server accepts authorization request data
     * only via PAR"); both fail start-up here, naming the key, rather than every login later.
     */
    private void checkPar(URI uri, ProviderMetadata metadata) {
        ParPolicy par = config.par();
        boolean requires = metadata.requirePushedAuthorizationRequests();
        if (metadata.pushedAuthorizationRequestEndpoint() != null) {
            if (requires && par.mode() == ParPolicy.Mode.NEVER) {
                LOG.log(System.Logger.Level.WARNING, "par is 'never', but the discovery document at " + uri
                        + " says require_pushed_authorization_requests (RFC 9126 §5): the provider will refuse every "
                        + "login; set par=auto");
            }
            return;
        }
        if (par.mode() == ParPolicy.Mode.ALWAYS) {
            throw new ProviderProtocolException("par is 'always', but the discovery document at " + uri
                    + " names no pushed_authorization_request_endpoint (RFC 9126 §5): set par-endpoint, or par=auto");
        }
        if (requires && par.mode() == ParPolicy.Mode.AUTO) {
            throw new ProviderProtocolException("The discovery document at " + uri + " says "
                    + "require_pushed_authorization_requests but names no pushed_authorization_request_endpoint "
                    + "(RFC 9126 §5): set par-endpoint (par is 'auto')");
        }
    }

    private static String text(JsonNode doc, String field) {
        JsonNode node = doc.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private URI url(JsonNode doc, String field, boolean required, List<String> problems) {
        String text = text(doc, field);
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add("'" + field + "' is missing");
            }
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                problems.add("'" + field + "' is not an absolute URL: " + text);
                return null;
            }
            // RFC 6749 §3.1, §3.2: TLS for what the provider tells us as much as for what is configured.
            if (PlainHttp.refused(uri, config.allowHttp())) {
                problems.add("'" + field + "' " + PlainHttp.reason(uri));
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("'" + field + "' is not a valid URL: " + text);
            return null;
        }
    }

    private static List<String> strings(JsonNode doc, String field) {
        List<String> values = new ArrayList<>();
        JsonNode node = doc.get(field);
        if (node != null && node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual()) {
                    values.add(item.asText());
                }
            });
        }
        return values;
    }
}
