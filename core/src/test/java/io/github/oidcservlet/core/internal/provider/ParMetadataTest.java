package io.github.oidcservlet.core.internal.provider;

import io.github.oidcservlet.core.LogCapture;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 9126 §5 provider metadata, from discovery or from {@code par-endpoint}, and what {@code par} needs of it. */
class ParMetadataTest {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private static ProviderMetadata metadata(String... keyValues) {
        OidcConfig config = TestConfigs.forProvider(provider.get(), keyValues);
        return new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout())).metadata();
    }

    @Test
    void readsTheParEndpointAndTheRequirementFromDiscovery() {
        assertThat(metadata().pushedAuthorizationRequestEndpoint()).isEqualTo(provider.get().parEndpoint());
        assertThat(metadata().requirePushedAuthorizationRequests()).as("absent means false").isFalse();

        provider.get().behaviour().requirePar(true);
        assertThat(metadata().requirePushedAuthorizationRequests()).isTrue();
    }

    @Test
    void aConfiguredParEndpointOverridesTheDiscoveredOne() {
        assertThat(metadata("par-endpoint", "http://127.0.0.1:1/elsewhere").pushedAuthorizationRequestEndpoint())
                .isEqualTo(URI.create("http://127.0.0.1:1/elsewhere"));
    }

    @Test
    void alwaysWithoutAParEndpointFailsDiscoveryNamingPar() {
        provider.get().behaviour().advertisePar(false);

        assertThatThrownBy(() -> metadata("par", "always")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("par is 'always'")
                .hasMessageContaining("pushed_authorization_request_endpoint")
                .hasMessageContaining(provider.get().discoveryUri().toString());
        assertThat(metadata("par", "always", "par-endpoint", provider.get().parEndpoint().toString())
                .pushedAuthorizationRequestEndpoint()).isEqualTo(provider.get().parEndpoint());
        assertThat(metadata("par", "auto").pushedAuthorizationRequestEndpoint()).isNull();
    }

    @Test
    void aProviderThatRequiresParWithoutAnEndpointFailsDiscoveryUnlessParIsNever() {
        provider.get().behaviour().advertisePar(false).requirePar(true);

        assertThatThrownBy(() -> metadata("par", "auto")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("require_pushed_authorization_requests");
        assertThat(metadata("par", "never").requirePushedAuthorizationRequests()).isTrue();
    }

    @Test
    void neverAgainstAProviderThatRequiresParWarnsTheOperator() {
        provider.get().behaviour().requirePar(true);

        try (LogCapture log = LogCapture.of(DiscoveryClient.class)) {
            metadata("par", "never");
            assertThat(log.text()).contains("par is 'never'", "require_pushed_authorization_requests");
        }
    }

    @Test
    void manualEndpointsTakeTheParEndpointFromConfigurationAndRequireNothing() {
        ProviderMetadata manual = metadata("authorization-endpoint", "http://127.0.0.1:1/auth",
                "token-endpoint", "http://127.0.0.1:1/token", "jwks-uri", "http://127.0.0.1:1/jwks",
                "par-endpoint", "http://127.0.0.1:1/par");

        assertThat(manual.pushedAuthorizationRequestEndpoint()).isEqualTo(URI.create("http://127.0.0.1:1/par"));
        assertThat(manual.requirePushedAuthorizationRequests()).isFalse();
        assertThat(provider.get().count("discovery")).isZero();
    }
}
