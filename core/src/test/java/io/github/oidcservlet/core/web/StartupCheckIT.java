package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check every front door runs, against the in-process provider. */
class StartupCheckIT {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    @Test
    void startsTheEngineWithTheProviderChecked() {
        try (OidcEngine engine = StartupCheck.startEngine(TestConfigs.forProvider(provider.get()), new TestClock())) {
            assertThat(provider.get().count("discovery")).isEqualTo(1);
            assertThat(engine.provider().metadata().tokenEndpoint()).isEqualTo(provider.get().tokenEndpoint());
        }
    }

    @Test
    void aDiscoveryDocumentThatContradictsTheConfigurationFailsStartUp() {
        provider.get().behaviour().discoveryIssuer("https://impostor.example.com");
        assertThatThrownBy(() -> StartupCheck.startEngine(TestConfigs.forProvider(provider.get()), new TestClock()))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("https://impostor.example.com");
    }

    @Test
    void anUnreachableProviderDoesNotStopStartUp() {
        // nothing listens on port 1: the connection is refused at once
        try (OidcEngine engine = StartupCheck.startEngine(TestConfigs.with("issuer", "http://127.0.0.1:1",
                "connect-timeout", "1", "read-timeout", "1"), new TestClock())) {
            assertThat(engine).isNotNull();
        }
    }
}
