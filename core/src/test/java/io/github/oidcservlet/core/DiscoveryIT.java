package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import io.github.oidcservlet.testkit.TestProviderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provider metadata against the in-process provider. */
class DiscoveryIT {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private static OidcProvider providerFor(OidcConfig config) {
        return new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
    }

    @Test
    void readsTheDiscoveryDocument() {
        ProviderMetadata metadata = providerFor(TestConfigs.with("issuer", provider.get().issuer())).metadata();
        assertThat(metadata.tokenEndpoint()).isEqualTo(provider.get().tokenEndpoint());
        assertThat(metadata.jwksUri()).isEqualTo(provider.get().jwksUri());
        assertThat(metadata.userinfoEndpoint()).isEqualTo(provider.get().userinfoEndpoint());
        assertThat(metadata.idTokenSigningAlgs()).contains("RS256", "ES256");
        assertThat(metadata.issParameterSupported()).isFalse();
    }

    @Test
    void refusesADocumentWhoseIssuerDiffersNamingBothValues() {
        provider.get().behaviour().discoveryIssuer("https://impostor.example.com");
        assertThatThrownBy(() -> providerFor(TestConfigs.with("issuer", provider.get().issuer())).metadata())
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("https://impostor.example.com")
                .hasMessageContaining("'" + provider.get().issuer() + "'")
                .hasMessageContaining("§4.3");
    }

    @Test
    void refusesAnIssuerThatDiffersByATrailingSlash() {
        assertThatThrownBy(() -> providerFor(TestConfigs.with("issuer", provider.get().issuer() + "/")).metadata())
                .isInstanceOf(ProviderProtocolException.class);
    }

    @Test
    void findsDiscoveryBelowAnIssuerWithAPath() {
        try (TestProvider withPath = TestProvider.start(TestProviderOptions.defaults().withIssuerPath("/oidc"))) {
            ProviderMetadata metadata = providerFor(TestConfigs.with("issuer", withPath.issuer())).metadata();
            assertThat(withPath.issuer()).endsWith("/oidc");
            assertThat(metadata.authorizationEndpoint()).isEqualTo(withPath.authorizationEndpoint());
        }
    }

    @Test
    void manualEndpointsFetchNoDiscovery() {
        OidcConfig config = TestConfigs.with("issuer", "agate:abc",
                "authorization-endpoint", provider.get().authorizationEndpoint().toString(),
                "token-endpoint", provider.get().tokenEndpoint().toString(),
                "jwks-uri", provider.get().jwksUri().toString());
        ProviderMetadata metadata = providerFor(config).metadata();
        assertThat(metadata.issuer()).isEqualTo("agate:abc");
        assertThat(metadata.idTokenSigningAlgs()).containsExactly("RS256");
        assertThat(provider.get().count("discovery")).isZero();
    }

    @Test
    void configuredEndpointsOverrideDiscoveredOnes() {
        OidcConfig config = TestConfigs.with("issuer", provider.get().issuer(), "end-session-endpoint", "https://elsewhere.example/logout");
        assertThat(providerFor(config).metadata().endSessionEndpoint()).hasToString("https://elsewhere.example/logout");
    }

    @Test
    void slowDiscoveryFailsWithinTheReadTimeoutAndIsRetriedLater() {
        provider.get().behaviour().discoveryDelay(Duration.ofSeconds(20));
        OidcConfig config = TestConfigs.with("issuer", provider.get().issuer(), "read-timeout", "1");
        TestClock clock = new TestClock();
        OidcProvider slow = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()),
                clock, OidcProvider.FAILURE_MEMORY);
        long started = System.nanoTime();
        assertThatThrownBy(slow::metadata).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("read-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        provider.get().behaviour().discoveryDelay(Duration.ZERO);
        // a failure is answered from memory for 2 s (of the engine's clock), then the provider is asked again
        clock.advance(OidcProvider.FAILURE_MEMORY.minusMillis(1));
        assertThatThrownBy(slow::metadata).isInstanceOf(ProviderUnavailableException.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(slow.metadata().issuer()).isEqualTo(provider.get().issuer());
    }

    @Test
    void concurrentRequestsShareOneDiscoveryAttemptWhileTheProviderIsSlow() throws Exception {
        provider.get().behaviour().discoveryDelay(Duration.ofSeconds(20));
        OidcProvider slow = providerFor(TestConfigs.with("issuer", provider.get().issuer(), "read-timeout", "1"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            long started = System.nanoTime();
            java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> assertThatThrownBy(slow::metadata).isInstanceOf(ProviderUnavailableException.class)));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                call.get();
            }
            // one read-timeout for all eight, not eight in a row
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(provider.get().count("discovery")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void serverErrorsAreUnavailableAndClientErrorsAreMisconfiguration() {
        provider.get().behaviour().discoveryStatus(503);
        assertThatThrownBy(() -> providerFor(TestConfigs.with("issuer", provider.get().issuer())).metadata())
                .isInstanceOf(ProviderUnavailableException.class);
        provider.get().behaviour().discoveryStatus(404);
        assertThatThrownBy(() -> providerFor(TestConfigs.with("issuer", provider.get().issuer())).metadata())
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("HTTP 404");
    }
}
