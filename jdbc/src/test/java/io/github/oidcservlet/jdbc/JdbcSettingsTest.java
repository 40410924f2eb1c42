package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.internal.store.StoreProviders;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store-* keys of store=jdbc: every problem at once, each naming the key as the user wrote it. */
class JdbcSettingsTest {

    private static Map<String, String> environment(String... keyValues) {
        Map<String, String> environment = new HashMap<>();
        environment.put("OIDC_ISSUER", "https://op.example.com");
        environment.put("OIDC_CLIENT_ID", "my-client");
        environment.put("OIDC_CLIENT_SECRET", "a-client-secret-of-at-least-32-bytes!!");
        environment.put("OIDC_STORE", "jdbc");
        for (int i = 0; i < keyValues.length; i += 2) {
            environment.put(keyValues[i], keyValues[i + 1]);
        }
        return environment;
    }

    private static JdbcSettings read(Map<String, String> environment) {
        OidcConfig config = OidcConfig.from(ConfigSource.environment(environment));
        return JdbcSettings.read(Nodes.context(config, Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingTheVariableAsWritten() {
        assertThatThrownBy(() -> read(environment("OIDC_STORE_JDBC_URL", "postgresql://db/app",
                "OIDC_STORE_DATASOURCE", "jdbc/oidc", "OIDC_STORE_JDBC_PASWORD", "secret",
                "OIDC_STORE_TABLE_PREFIX", "Bad-Prefix", "OIDC_STORE_POLL_INTERVAL", "0",
                "OIDC_STORE_NOTIFY", "yes")))
                .isInstanceOf(OidcConfigException.class)
                .satisfies(e -> assertThat(((OidcConfigException) e).problems()).hasSize(6).anySatisfy(problem ->
                        assertThat(problem).contains("environment variable OIDC_STORE_JDBC_PASWORD",
                                "is not a key of store=jdbc"))
                        .anySatisfy(problem -> assertThat(problem).contains("OIDC_STORE_DATASOURCE",
                                "OIDC_STORE_JDBC_URL", "exclude each other"))
                        .anySatisfy(problem -> assertThat(problem).contains("OIDC_STORE_JDBC_URL", "jdbc:"))
                        .anySatisfy(problem -> assertThat(problem).contains("OIDC_STORE_TABLE_PREFIX", "Bad-Prefix"))
                        .anySatisfy(problem -> assertThat(problem).contains("OIDC_STORE_POLL_INTERVAL", "'0'"))
                        .anySatisfy(problem -> assertThat(problem).contains("OIDC_STORE_NOTIFY", "true or false")));
    }

    @Test
    void storeJdbcWithoutAnyConnectionKeyNamesBothWaysToGiveOne() {
        assertThatThrownBy(() -> StoreProviders.create(Nodes.context(
                OidcConfig.from(ConfigSource.environment(environment())), Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(1))))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("environment variable OIDC_STORE is jdbc, which needs")
                .hasMessageContaining("store-datasource").hasMessageContaining("store-jdbc-url");
    }

    @Test
    void theDefaultsAndThePasswordFromTheEnvironmentWhichToStringLeavesOut() {
        JdbcSettings settings = read(environment("OIDC_STORE_JDBC_URL", "jdbc:postgresql://db/app?password=p1",
                "OIDC_STORE_JDBC_USER", "app", "OIDC_STORE_JDBC_PASSWORD", "s3cret"));
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.tablePrefix()).isEqualTo("oidc_");
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.notifications()).isTrue();
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("p1");
    }

    @Test
    void anUnknownJndiNameStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> StoreProviders.create(Nodes.context(OidcConfig.from(ConfigSource.environment(
                environment("OIDC_STORE_DATASOURCE", "jdbc/missing"))), Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(1))))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("environment variable OIDC_STORE_DATASOURCE names 'jdbc/missing'");
    }
}
