package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static TestProvider provider;
    private final RawHttp http = new RawHttp();

    @BeforeAll
    static void start() {
        provider = TestProvider.start(TestProviderOptions.defaults().withIssuerPath("/oidc"));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void reset() {
        provider.reset();
    }

    @Test
    void documentListsIssuerEndpointsAndCapabilities() throws Exception {
        assertThat(provider.issuer()).isEqualTo(provider.baseUri() + "/oidc");
        assertThat(provider.discoveryUri()).hasToString(provider.issuer() + "/.well-known/openid-configuration");

        HttpResponse<String> response = http.get(provider.discoveryUri());
        Map<String, Object> doc = http.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(doc).containsEntry("issuer", provider.issuer())
                .containsEntry("authorization_endpoint", provider.issuer() + "/authorize")
                .containsEntry("token_endpoint", provider.tokenEndpoint().toString())
                .containsEntry("userinfo_endpoint", provider.userinfoEndpoint().toString())
                .containsEntry("jwks_uri", provider.jwksUri().toString())
                .containsEntry("end_session_endpoint", provider.endSessionEndpoint().toString())
                .containsEntry("revocation_endpoint", provider.revocationEndpoint().toString())
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("subject_types_supported", List.of("public"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256", "ES256"))
                .containsEntry("token_endpoint_auth_methods_supported",
                        List.of("client_secret_basic", "client_secret_post", "client_secret_jwt",
                                "private_key_jwt", "none"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsKeys("scopes_supported", "grant_types_supported")
                .doesNotContainKey("authorization_response_iss_parameter_supported");
        assertThat(provider.count("discovery")).isEqualTo(1);
    }

    @Test
    void knobsChangeTheDocument() throws Exception {
        provider.behaviour().discoveryIssuer("https://evil.example").issParameter(true)
                .advertiseEndSession(false).advertiseRevocation(false).userinfoDisabled(true)
                .allowedClientAuthMethods(Set.of("client_secret_post"));

        Map<String, Object> doc = http.json(http.get(provider.discoveryUri()));

        assertThat(doc).containsEntry("issuer", "https://evil.example")
                .containsEntry("authorization_response_iss_parameter_supported", true)
                .containsEntry("token_endpoint_auth_methods_supported", List.of("client_secret_post"))
                .doesNotContainKeys("end_session_endpoint", "revocation_endpoint", "userinfo_endpoint");
    }

    @Test
    void statusKnobMakesTheProviderLookDown() throws Exception {
        provider.behaviour().discoveryStatus(503);

        assertThat(http.get(provider.discoveryUri()).statusCode()).isEqualTo(503);
    }

    @Test
    void nonUrlIssuerKeepsEndpointsOnTheLoopbackUrl() {
        try (TestProvider agate = TestProvider.start(TestProviderOptions.defaults().withIssuer("agate:abc"))) {
            assertThat(agate.issuer()).isEqualTo("agate:abc");
            assertThat(agate.tokenEndpoint()).hasToString(agate.baseUri() + "/token");
        }
    }
}
