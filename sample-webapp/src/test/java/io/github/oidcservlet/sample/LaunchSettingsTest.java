package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which registrations the demo provider serves when {@code OIDC_PROVIDERS} names several. */
class LaunchSettingsTest {

    @Test
    void theDemoProviderServesTheNamedRegistrationsThatHaveNoIssuer() {
        Properties system = new Properties();
        system.setProperty("oidc.three.authorization-endpoint", "https://three.example/auth");
        Map<String, String> environment = Map.of("OIDC_PROVIDERS", "one, two,three", "OIDC_ONE_ISSUER", "https://one.example");
        try (DemoProvider demo = LaunchSettings.startDemoProvider(environment, system)) {
            assertThat(demo.issuerIds()).containsExactly("two");
            Map<String, String> params = LaunchSettings.demoParameters(demo, environment, system);
            assertThat(params).containsEntry("providers", "one, two,three")
                    .containsEntry("two.issuer", demo.issuer("two").toString())
                    .containsEntry("two.client-id", DemoProvider.CLIENT_ID)
                    .containsKey("two.client-secret")
                    .doesNotContainKeys("one.issuer", "issuer", "client-id");
            assertThat(demo.issuer("two").getPath()).isEqualTo("/two");
        }
    }

    @Test
    void noDemoProviderWhenEveryNamedRegistrationHasItsProvider() {
        assertThat(LaunchSettings.startDemoProvider(Map.of("OIDC_PROVIDERS", "one",
                "OIDC_ONE_ISSUER", "https://one.example"), new Properties())).isNull();
    }
}
