package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DiscoveryTest {

    @RegisterExtension
    static final TestProviderExtension provider =
            TestProviderExtension.create(TestProviderOptions.defaults().withIssuerPath("/oidc"));
    private final RawHttp http = new RawHttp();

    @Test
    void documentListsIssuerEndpointsAndCapabilities() throws Exception {
        assertThat(provider.get().issuer()).isEqualTo(provider.get().baseUri() + "/oidc");
        assertThat(provider.get().discoveryUri()).hasToString(provider.get().issuer() + "/.well-known/openid-configuration");

        HttpResponse<String> response = http.get(provider.get().discoveryUri());
        Map<String, Object> doc = http.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(doc).containsEntry("issuer", provider.get().issuer())
                .containsEntry("authorization_endpoint", provider.get().issuer() + "/authorize")
                .containsEntry("token_endpoint", provider.get().tokenEndpoint().toString())
                .containsEntry("userinfo_endpoint", provider.get().userinfoEndpoint().toString())
                .containsEntry("jwks_uri", provider.get().jwksUri().toString())
                .containsEntry("end_session_endpoint", provider.get().endSessionEndpoint().toString())
                .containsEntry("revocation_endpoint", provider.get().revocationEndpoint().toString())
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("subject_types_supported", List.of("public"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256", "ES256"))
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post", "client_secret_jwt",
                                "private_key_jwt", "none"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsKeys("scopes_supported", "grant_types_supported")
                .doesNotContainKey("authorization_response_iss_parameter_supported");
        assertThat(provider.get().count("discovery")).isEqualTo(1);
    }

    @Test
    void knobsChangeTheDocument() throws Exception {
        provider.get().behaviour().discoveryIssuer("https://evil.example").issParameter(true)
                .advertiseEndSession(false).advertiseRevocation(false).userinfoDisabled(true)
                .allowedClientAuthMethods(Set.of("client_secret_post"));

        Map<String, Object> doc = http.json(http.get(provider.get().discoveryUri()));

        assertThat(doc).containsEntry("issuer", "https://evil.example")
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .containsEntry("token_endpoint_auth_methods_supported", List.of("client_secret_post"))
                .doesNotContainKeys("end_session_endpoint", "revocation_endpoint", "userinfo_endpoint");
    }

    @Test
    void statusKnobMakesTheProviderLookDown() throws Exception {
        provider.get().behaviour().discoveryStatus(503);

        assertThat(http.get(provider.get().discoveryUri()).statusCode()).isEqualTo(503);
    }

    @Test
    void nonUrlIssuerKeepsEndpointsOnTheLoopbackUrl() {
        try (TestProvider agate = TestProvider.start(TestProviderOptions.defaults().withIssuer("agate:abc"))) {
            assertThat(agate.issuer()).isEqualTo("agate:abc");
            assertThat(agate.tokenEndpoint()).hasToString(agate.baseUri() + "/token");
        }
    }
}
