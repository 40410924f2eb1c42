package io.github.oidcservlet.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /.well-known/openid-configuration} (OpenID Connect Discovery 1.0 §3, §4). */
final class DiscoveryEndpoint implements Endpoint {

    private final ProviderContext context;
    private final ClientCredentialChecks clientAuthentication;

    DiscoveryEndpoint(ProviderContext context, ClientCredentialChecks clientAuthentication) {
        this.context = context;
        this.clientAuthentication = clientAuthentication;
    }

    @Override
    public String name() {
        return "discovery";
    }

    @Override
    public Answer handle(RecordedRequest request) throws InterruptedException {
        ProviderBehaviour behaviour = context.behaviour;
        if (!context.pause(behaviour.discoveryDelay())) {
            return Answer.empty(503);
        }
        if (behaviour.discoveryStatus() != 200) {
            return Answer.of(behaviour.discoveryStatus(), "text/plain;charset=utf-8", "discovery unavailable");
        }
        return context.json(200, document(behaviour));
    }

    private Map<String, Object> document(ProviderBehaviour behaviour) {
        EndpointUris uris = context.uris;
        String issuer = behaviour.discoveryIssuer() != null ? behaviour.discoveryIssuer()
                : context.advertisedIssuer();
        List<String> authMethods = clientAuthentication.knownMethods().stream()
                .filter(behaviour.allowedClientAuthMethods()::contains).toList();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", uris.resolve(EndpointUris.AUTHORIZE).toString());
        doc.put("token_endpoint", uris.resolve(EndpointUris.TOKEN).toString());
        if (!behaviour.userinfoDisabled()) {
            doc.put("userinfo_endpoint", uris.resolve(EndpointUris.USERINFO).toString());
        }
        doc.put("jwks_uri", uris.resolve(EndpointUris.JWKS).toString());
        if (behaviour.advertiseEndSession()) {
            doc.put("end_session_endpoint", uris.resolve(EndpointUris.END_SESSION).toString());
        }
        if (behaviour.advertiseRevocation()) {
            doc.put("revocation_endpoint", uris.resolve(EndpointUris.REVOKE).toString());
            doc.put("revocation_endpoint_auth_methods_supported", authMethods);
        }
        // OpenID Back-Channel Logout 1.0 §2.1: logout tokens are sent, with sid (ID tokens carry sid when a test
        // adds one through ProviderBehaviour#idTokenClaims).
        doc.put("backchannel_logout_supported", true);
        doc.put("backchannel_logout_session_supported", true);
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("response_types_supported", List.of("code"));
        doc.put("response_modes_supported", List.of("query"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", behaviour.advertisedIdTokenAlgs());
        doc.put("token_endpoint_auth_methods_supported", authMethods);
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce",
                "preferred_username", "name", "email", "groups"));
        // RFC 9126 §5.
        if (behaviour.advertisePar()) {
            doc.put("pushed_authorization_request_endpoint", uris.resolve(EndpointUris.PAR).toString());
        }
        if (behaviour.requirePar()) {
            doc.put("require_pushed_authorization_requests", true);
        }
        if (behaviour.issParameter().advertise()) {
            doc.put("authorization_response_iss_parameter_supported", true);
        }
        return doc;
    }
}
