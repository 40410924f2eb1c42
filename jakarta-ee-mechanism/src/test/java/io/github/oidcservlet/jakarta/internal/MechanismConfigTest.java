package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MechanismConfigTest {

    @OidcAuthenticationMechanismDefinition(issuer = "https://annotation.example", clientId = "from-annotation",
            refreshMargin = "45", rolesClaim = "")
    private static final class Annotated {
    }

    private static final OidcAuthenticationMechanismDefinition DEFINITION =
            Annotated.class.getAnnotation(OidcAuthenticationMechanismDefinition.class);

    @Test
    void everyConfigurationKeyIsAnAnnotationAttributeInCamelCaseAndNothingElseIs() {
        Set<String> attributes = Arrays.stream(OidcAuthenticationMechanismDefinition.class.getDeclaredMethods())
                .map(Method::getName).collect(Collectors.toSet());
        Set<String> keys = Arrays.stream(ConfigKey.values()).map(AnnotationConfig::attributeName)
                .collect(Collectors.toSet());

        assertThat(attributes).isEqualTo(keys);
        assertThat(AnnotationConfig.attributeName(ConfigKey.CLIENT_ID)).isEqualTo("clientId");
        assertThat(AnnotationConfig.attributeName(ConfigKey.BACKCHANNEL_LOGOUT_PATH)).isEqualTo("backchannelLogoutPath");
    }

    @Test
    void theAnnotationAloneConfiguresTheMechanismAndEmptyAttributesKeepTheDefaults() {
        OidcConfig config = read(new Properties(), Map.of(), Optional.empty());

        assertThat(config.issuer()).isEqualTo("https://annotation.example");
        assertThat(config.clientId()).isEqualTo("from-annotation");
        assertThat(config.refreshMargin()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.rolesClaim()).as("empty string = unset").isEqualTo("groups");
    }

    @Test
    void systemPropertiesBeatEnvironmentWhichBeatsMicroProfileConfigWhichBeatsTheAnnotation() {
        Properties system = new Properties();
        system.setProperty("oidc.client-id", "from-system");
        Map<String, String> environment = Map.of("OIDC_CLIENT_ID", "from-env", "OIDC_REFRESH_MARGIN", "20",
                "OIDC_SCOPES", "openid env");
        ConfigSource microProfile = new ConfigSource.MapSource(Map.of("oidc.client-id", "from-mp",
                "oidc.refresh-margin", "10", "oidc.scopes", "openid mp", "oidc.issuer", "https://mp.example"),
                ConfigKey::systemProperty, key -> "MicroProfile Config property " + key.systemProperty());

        OidcConfig config = read(system, environment, Optional.of(microProfile));

        assertThat(config.clientId()).isEqualTo("from-system");
        assertThat(config.refreshMargin()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.scopes()).isEqualTo("openid env");
        assertThat(config.issuer()).isEqualTo("https://mp.example");
    }

    @Test
    void configurationWithoutTheAnnotationWorks() {
        Properties system = new Properties();
        system.setProperty("oidc.issuer", "https://system.example");

        OidcConfig config = MechanismConfig.read(null, system, Map.of("OIDC_CLIENT_ID", "env-client"),
                Optional.empty());

        assertThat(config.issuer()).isEqualTo("https://system.example");
        assertThat(config.clientId()).isEqualTo("env-client");
    }

    @Test
    void problemsNameTheKeyAsTheUserWroteItAndAMissingKeyEveryPlaceItCouldBe() {
        Properties system = new Properties();
        system.setProperty("oidc.refresh-margin", "soon");

        assertThatThrownBy(() -> MechanismConfig.read(null, system, Map.of(), Optional.empty()))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("system property oidc.refresh-margin must be a whole number of seconds")
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(clientId) or environment variable "
                        + "OIDC_CLIENT_ID or system property oidc.client-id is required");
    }

    @Test
    void anAnnotationValueThatIsWrongIsReportedUnderItsAttributeName() {
        Properties system = new Properties();
        system.setProperty("oidc.issuer", "https://system.example");

        assertThatThrownBy(() -> MechanismConfig.read(Bad.class.getAnnotation(
                OidcAuthenticationMechanismDefinition.class), system, Map.of(), Optional.empty()))
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(clockSkew)");
    }

    @OidcAuthenticationMechanismDefinition(clientId = "c", clockSkew = "a minute")
    private static final class Bad {
    }

    @Test
    void withoutMicroProfileConfigOnTheClassPathThereIsNoSuchSource() {
        assertThat(MicroProfileConfig.find(getClass().getClassLoader())).isEmpty();
    }

    private static OidcConfig read(Properties system, Map<String, String> environment,
                                   Optional<ConfigSource> microProfile) {
        return MechanismConfig.read(DEFINITION, system, environment, microProfile);
    }

    /** What MicroProfile's Config offers through the two methods read by reflection. */
    public static final class FakeMicroProfileConfig {
        private final Map<String, String> values;

        FakeMicroProfileConfig(Map<String, String> values) {
            this.values = values;
        }

        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }
    }

    @Test
    void storeKeysComeFromSystemPropertiesEnvironmentAndMicroProfileConfigNamedAsWritten() throws Exception {
        Properties system = new Properties();
        system.setProperty("oidc.store", "jdbc");
        system.setProperty("oidc.store-table-prefix", "app_");
        Map<String, String> environment = Map.of("OIDC_STORE_JDBC_PASSWORD", "from-env");
        ConfigSource microProfile = MicroProfileConfig.over(new FakeMicroProfileConfig(Map.of(
                "oidc.store-jdbc-url", "jdbc:postgresql://db/app", "oidc.store-table-prefix", "mp_",
                "oidc.client-id", "from-mp")), FakeMicroProfileConfig.class);

        OidcConfig config = read(system, environment, Optional.of(microProfile));

        assertThat(config.store().name()).isEqualTo("jdbc");
        assertThat(config.store().values()).containsOnly(Map.entry("store-table-prefix", "app_"),
                Map.entry("store-jdbc-password", "from-env"), Map.entry("store-jdbc-url", "jdbc:postgresql://db/app"));
        assertThat(config.store().describe("store-jdbc-url"))
                .isEqualTo("MicroProfile Config property oidc.store-jdbc-url");
        assertThat(config.store().describe("store-jdbc-password"))
                .isEqualTo("environment variable OIDC_STORE_JDBC_PASSWORD");
    }
}
