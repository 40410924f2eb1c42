package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Items 10 and 11 at discovery: the body cap, and plain http:// endpoints a discovery document names. */
class DiscoveryHardeningIT {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private static OidcProvider providerFor(OidcConfig config) {
        return new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout(),
                config.maxResponseSize()));
    }

    private String document(String tokenEndpoint) {
        return "{\"issuer\":\"" + provider.get().issuer() + "\",\"authorization_endpoint\":\""
                + provider.get().authorizationEndpoint() + "\",\"token_endpoint\":\"" + tokenEndpoint + "\",\"jwks_uri\":\""
                + provider.get().jwksUri() + "\"}";
    }

    @Test
    void aDiscoveryDocumentOverTheCapIsRefusedNamingTheEndpointAndTheKey() {
        String padding = " ".repeat(70_000);
        provider.get().behaviour().rawAnswer("discovery", 200, "application/json",
                document(provider.get().tokenEndpoint().toString()).replace("{", "{" + padding));
        OidcConfig config = TestConfigs.with("issuer", provider.get().issuer(), "max-response-size", "65536");
        assertThatThrownBy(() -> providerFor(config).metadata())
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("discovery document at " + provider.get().discoveryUri())
                .hasMessageContaining("max-response-size");
        // the same document under the default cap is fine
        assertThat(providerFor(TestConfigs.with("issuer", provider.get().issuer())).metadata().tokenEndpoint())
                .isEqualTo(provider.get().tokenEndpoint());
    }

    @Test
    void aDiscoveredPlainHttpEndpointOffThisMachineFailsNamingItAndTheKey() {
        provider.get().behaviour().rawAnswer("discovery", 200, "application/json", document("http://op.example.com/token"));
        assertThatThrownBy(() -> providerFor(TestConfigs.with("issuer", provider.get().issuer())).metadata())
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("'token_endpoint' is plain http (http://op.example.com/token)")
                .hasMessageContaining("allow-http=true");
    }

    @Test
    void allowHttpAcceptsADiscoveredPlainHttpEndpoint() {
        provider.get().behaviour().rawAnswer("discovery", 200, "application/json", document("http://op.example.com/token"));
        OidcConfig config = TestConfigs.with("issuer", provider.get().issuer(), "allow-http", "true");
        assertThat(providerFor(config).metadata().tokenEndpoint()).hasToString("http://op.example.com/token");
    }
}
