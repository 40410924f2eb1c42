package io.github.oidcservlet.core.internal.store;

import io.github.oidcservlet.core.store.RecordingStoreProvider;
import io.github.oidcservlet.core.store.StoreContext;
import io.github.oidcservlet.core.store.StoreProvider;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code store} key chooses a {@link StoreProvider} found through {@link java.util.ServiceLoader}. */
class StoreProvidersTest {

    @Test
    void theStoreNamedByTheStoreKeyIsFoundThroughServiceLoaderAndClosedWithTheEngine() {
        OidcConfig config = TestConfigs.with("store", RecordingStoreProvider.NAME, "store-level", "7");
        TestClock clock = new TestClock();
        try (OidcEngine engine = OidcEngine.create(config, clock)) {
            assertThat(engine.endedLogins()).isSameAs(RecordingStoreProvider.INDEX);
            StoreContext context = RecordingStoreProvider.LAST_CONTEXT.get();
            assertThat(context.settings()).isEqualTo(Map.of("store-level", "7"));
            assertThat(context.describe("store-level")).isEqualTo("init-param 'store-level'");
            assertThat(context.clock()).isSameAs(clock);
            assertThat(RecordingStoreProvider.CLOSED.get()).isFalse();
        }
        assertThat(RecordingStoreProvider.CLOSED.get()).as("closed with the engine").isTrue();
    }

    @Test
    void memoryIsTheDefault() {
        try (OidcEngine engine = OidcEngine.create(TestConfigs.valid())) {
            assertThat(engine.endedLogins()).isInstanceOf(InMemoryEndedLogins.class);
        }
    }

    @Test
    void anUnknownStoreFailsStartUpNamingTheKeyAndTheStoresFound() {
        OidcConfig config = TestConfigs.with("store", "jdcb");
        assertThatThrownBy(() -> OidcEngine.create(config)).isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'store' names the store 'jdcb'")
                .hasMessageContaining("the stores found are: memory, recording");
    }

    @Test
    void storeSettingsComeFromEverySourceEachSpelledAsItsOwnKeys() {
        Properties system = new Properties();
        system.setProperty("oidc.store-jdbc-user", "from-system");
        Map<String, String> params = new HashMap<>(TestConfigs.validParams());
        params.put("store-jdbc-url", "jdbc:postgresql://db/oidc");
        ConfigSource source = ConfigSource.layered(List.of(ConfigSource.systemProperties(system),
                ConfigSource.environment(Map.of("OIDC_STORE_JDBC_PASSWORD", "from-env", "OIDC_STORE", "memory")),
                ConfigSource.initParams(params)));
        OidcConfig config = OidcConfig.from(source);
        assertThat(config.store().name()).isEqualTo("memory");
        assertThat(config.store().values()).isEqualTo(Map.of("store-jdbc-url", "jdbc:postgresql://db/oidc",
                "store-jdbc-user", "from-system", "store-jdbc-password", "from-env"));
        assertThat(config.store().describe("store-jdbc-password"))
                .isEqualTo("environment variable OIDC_STORE_JDBC_PASSWORD");
        assertThat(config.store().describe("store-jdbc-user")).isEqualTo("system property oidc.store-jdbc-user");
        assertThat(config.store().describe("store")).isEqualTo("environment variable OIDC_STORE");
        assertThat(config.store().toString()).doesNotContain("from-env");
    }

    @Test
    void storeKeysAreKnownInitParams() {
        Map<String, String> params = new HashMap<>(TestConfigs.validParams());
        params.put("store-jdbc-url", "jdbc:postgresql://db/oidc");
        assertThat(OidcConfig.fromInitParams(params).store().values()).containsKey("store-jdbc-url");
    }
}
