package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.TestConfigs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code par} and {@code par-endpoint} keys (RFC 9126). */
class ParPolicyTest {

    @Test
    void parIsAutoByDefaultWithoutAConfiguredEndpoint() {
        ParPolicy par = TestConfigs.valid().par();
        assertThat(par.mode()).isEqualTo(ParPolicy.Mode.AUTO);
        assertThat(par.configuredEndpoint()).isEmpty();
    }

    @Test
    void parKeyTakesAutoAlwaysOrNeverInAnyCase() {
        assertThat(TestConfigs.with("par", "always").par().mode()).isEqualTo(ParPolicy.Mode.ALWAYS);
        assertThat(TestConfigs.with("par", "Never").par().mode()).isEqualTo(ParPolicy.Mode.NEVER);
        assertThat(TestConfigs.with("par", " AUTO ").par().mode()).isEqualTo(ParPolicy.Mode.AUTO);
    }

    @Test
    void anotherParValueIsAProblemNamingTheKey() {
        assertThatThrownBy(() -> TestConfigs.with("par", "sometimes"))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'par' must be auto, always or never, got 'sometimes'");
    }

    @Test
    void theKeyIsReadAsOIDC_PARAndAsOidcParToo() {
        Properties props = new Properties();
        props.setProperty("oidc.par", "always");
        ConfigSource initParams = ConfigSource.initParams(TestConfigs.validParams());
        assertThat(OidcConfig.from(ConfigSource.layered(List.of(ConfigSource.environment(Map.of("OIDC_PAR", "never")),
                initParams))).par().mode()).isEqualTo(ParPolicy.Mode.NEVER);
        assertThat(OidcConfig.from(ConfigSource.layered(List.of(ConfigSource.systemProperties(props),
                initParams))).par().mode()).isEqualTo(ParPolicy.Mode.ALWAYS);
    }

    @Test
    void autoPushesOnlyWhenTheProviderRequiresItAlwaysEveryTimeNeverNever() {
        assertThat(TestConfigs.with("par", "auto").par().pushes(false)).isFalse();
        assertThat(TestConfigs.with("par", "auto").par().pushes(true)).isTrue();
        assertThat(TestConfigs.with("par", "always").par().pushes(false)).isTrue();
        assertThat(TestConfigs.with("par", "never").par().pushes(true)).isFalse();
    }

    @Test
    void parEndpointIsAnAbsoluteUrl() {
        assertThat(TestConfigs.with("par-endpoint", "https://op.example.com/par").par().configuredEndpoint())
                .contains(URI.create("https://op.example.com/par"));
        assertThatThrownBy(() -> TestConfigs.with("par-endpoint", "/par"))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'par-endpoint' must be an absolute http(s) URL");
    }

    @Test
    void aPlainHttpParEndpointOffThisMachineIsRefusedLikeTheOtherEndpoints() {
        assertThatThrownBy(() -> TestConfigs.with("par-endpoint", "http://op.example.com/par"))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'par-endpoint' is plain http");
    }

    @Test
    void alwaysWithManualEndpointsNeedsParEndpointAndTheMessageNamesPar() {
        String[] manual = {"authorization-endpoint", "https://op.example.com/auth",
                "token-endpoint", "https://op.example.com/token", "jwks-uri", "https://op.example.com/jwks"};
        assertThatThrownBy(() -> TestConfigs.with(with(manual, "par", "always")))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'par' is 'always'")
                .hasMessageContaining("set par-endpoint");
        assertThat(TestConfigs.with(with(manual, "par", "always", "par-endpoint", "https://op.example.com/par"))
                .par().configuredEndpoint()).contains(URI.create("https://op.example.com/par"));
        assertThat(TestConfigs.with(manual).par().mode()).as("auto needs no endpoint").isEqualTo(ParPolicy.Mode.AUTO);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
