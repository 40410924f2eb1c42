package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SampleAppTest {

    @Test
    void startsTheDemoProviderWhenNoProviderIsConfigured() {
        assertThat(SampleApp.needsDemoProvider(Map.of(), new Properties())).isTrue();
        assertThat(SampleApp.needsDemoProvider(Map.of("OIDC_CLIENT_ID", "app", "OIDC_ISSUER", " "), new Properties()))
                .isTrue();
    }

    @Test
    void leavesTheProviderToTheEnvironmentWhenAnIssuerOrAuthorizationEndpointIsSet() {
        assertThat(SampleApp.needsDemoProvider(Map.of("OIDC_ISSUER", "https://op.example"), new Properties()))
                .isFalse();
        assertThat(SampleApp.needsDemoProvider(
                Map.of("OIDC_AUTHORIZATION_ENDPOINT", "https://op.example/auth"), new Properties())).isFalse();
        assertThat(SampleApp.needsDemoProvider(Map.of(), properties("oidc.issuer", "https://op.example")))
                .isFalse();
        assertThat(SampleApp.needsDemoProvider(Map.of(),
                properties("oidc.authorization-endpoint", "https://op.example/auth"))).isFalse();
    }

    @Test
    void readsThePortFromTheEnvironment() {
        assertThat(SampleApp.port(Map.of())).isEqualTo(8080);
        assertThat(SampleApp.port(Map.of("PORT", "9090"))).isEqualTo(9090);
        assertThat(SampleApp.port(Map.of("PORT", "0"))).isZero();
    }

    @Test
    void rejectsAPortThatIsNotOne() {
        assertThatThrownBy(() -> SampleApp.port(Map.of("PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PORT must be a number from 0 to 65535, not 'http'");
        assertThatThrownBy(() -> SampleApp.port(Map.of("PORT", "65536")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
