package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Items 10 and 11 at discovery: the body cap, and plain http:// endpoints a discovery document names. */
class DiscoveryHardeningIT {

    static TestProvider provider;

    @BeforeAll
    static void start() {
        provider = TestProvider.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void reset() {
        provider.reset();
    }

    private static OidcProvider providerFor(OidcConfig config) {
        return new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout(),
                config.maxResponseSize()));
    }

    private String document(String tokenEndpoint) {
        return "{\"issuer\":\"" + provider.issuer() + "\",\"authorization_endpoint\":\""
                + provider.authorizationEndpoint() + "\",\"token_endpoint\":\"" + tokenEndpoint + "\",\"jwks_uri\":\""
                + provider.jwksUri() + "\"}";
    }

    @Test
    void aDiscoveryDocumentOverTheCapIsRefusedNamingTheEndpointAndTheKey() {
        String padding = " ".repeat(70_000);
        provider.behaviour().rawAnswer("discovery", 200, "application/json",
                document(provider.tokenEndpoint().toString()).replace("{", "{" + padding));
        OidcConfig config = TestConfigs.with("issuer", provider.issuer(), "max-response-size", "65536");
        assertThatThrownBy(() -> providerFor(config).metadata())
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("discovery document at " + provider.discoveryUri())
                .hasMessageContaining("max-response-size");
        // the same document under the default cap is fine
        assertThat(providerFor(TestConfigs.with("issuer", provider.issuer())).metadata().tokenEndpoint())
                .isEqualTo(provider.tokenEndpoint());
    }

    @Test
    void aDiscoveredPlainHttpEndpointOffThisMachineFailsNamingItAndTheKey() {
        provider.behaviour().rawAnswer("discovery", 200, "application/json", document("http://op.example.com/token"));
        assertThatThrownBy(() -> providerFor(TestConfigs.with("issuer", provider.issuer())).metadata())
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("'token_endpoint' is plain http (http://op.example.com/token)")
                .hasMessageContaining("allow-http=true");
    }

    @Test
    void allowHttpAcceptsADiscoveredPlainHttpEndpoint() {
        provider.behaviour().rawAnswer("discovery", 200, "application/json", document("http://op.example.com/token"));
        OidcConfig config = TestConfigs.with("issuer", provider.issuer(), "allow-http", "true");
        assertThat(providerFor(config).metadata().tokenEndpoint()).hasToString("http://op.example.com/token");
    }
}
