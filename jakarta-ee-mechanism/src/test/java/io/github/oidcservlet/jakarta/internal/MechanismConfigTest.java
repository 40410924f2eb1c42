package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.OidcRegistrations;
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

        assertThat(attributes).as("every key, and the named registrations' entries")
                .isEqualTo(java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of("registrations"))
                        .collect(Collectors.toSet()));
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
                Optional.empty()).all().get(0);

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
        return MechanismConfig.read(DEFINITION, system, environment, microProfile).all().get(0);
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

    @OidcAuthenticationMechanismDefinition(providers = "one,two", scopes = "openid email", registrations = {
            "one.issuer=https://one.example", "one.client-id=from-annotation",
            "two.issuer=https://annotation-two.example", "two.client-id=from-annotation",
            "two.display-name=Second provider"})
    private static final class TwoProviders {
    }

    @Test
    void eachRegistrationReadsItsNamedKeysFromEverySourceInTheSameOrder() throws Exception {
        Properties system = new Properties();
        system.setProperty("oidc.two.client-id", "from-system");
        Map<String, String> environment = Map.of("OIDC_TWO_ISSUER", "https://env-two.example",
                "OIDC_TWO_CLIENT_ID", "from-env");
        ConfigSource microProfile = MicroProfileConfig.over(new FakeMicroProfileConfig(Map.of(
                "oidc.one.client-id", "from-mp", "oidc.two.client-id", "from-mp")), FakeMicroProfileConfig.class);

        OidcRegistrations registrations = MechanismConfig.read(TwoProviders.class.getAnnotation(
                OidcAuthenticationMechanismDefinition.class), system, environment, Optional.of(microProfile));

        assertThat(registrations.all()).extracting(OidcConfig::registration).containsExactly("one", "two");
        OidcConfig one = registrations.named("one").orElseThrow();
        OidcConfig two = registrations.named("two").orElseThrow();
        assertThat(one.issuer()).isEqualTo("https://one.example");
        assertThat(one.clientId()).as("MicroProfile Config over the annotation").isEqualTo("from-mp");
        assertThat(one.displayName()).isEqualTo("one");
        assertThat(two.issuer()).as("environment over the annotation").isEqualTo("https://env-two.example");
        assertThat(two.clientId()).as("system property over everything").isEqualTo("from-system");
        assertThat(two.displayName()).isEqualTo("Second provider");
        assertThat(two.scopes()).as("the un-named attribute is every registration's default")
                .isEqualTo("openid email");
    }

    @OidcAuthenticationMechanismDefinition(providers = "one,two", registrations = {"issuer=https://x.example",
            "wrok.issuer=https://w.example", "one.issuer=https://one.example", "one.isuer=https://one.example",
            "one.client-id=c1", "one.client-id=c2", "two.issuer=https://two.example", "two.refresh-margin=5"})
    private static final class BadRegistrations {
    }

    @Test
    void everyProblemOfTheNamedKeysIsReportedAtOnceNamingTheKeyAsWritten() throws Exception {
        ConfigSource microProfile = MicroProfileConfig.over(new FakeMicroProfileConfig(Map.of(
                "oidc.two.clientid", "c")), FakeMicroProfileConfig.class);
        Map<String, String> environment = Map.of("OIDC_TWO_CLOCK_SKEW", "5");

        assertThatThrownBy(() -> MechanismConfig.read(BadRegistrations.class.getAnnotation(
                OidcAuthenticationMechanismDefinition.class), new Properties(), environment, Optional.of(microProfile)))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(registrations) has "
                        + "'issuer=https://x.example', which is not <name>.<key>=<value>")
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(registrations) has keys of registration "
                        + "'wrok', which @OidcAuthenticationMechanismDefinition(providers) does not name")
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(registrations) has one.client-id twice")
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(registrations) entry one.isuer is no key "
                        + "of registration 'one'")
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(registrations) entry two.refresh-margin "
                        + "is not a registration's key")
                .hasMessageContaining("MicroProfile Config property oidc.two.clientid is no key of registration 'two'")
                .hasMessageContaining("environment variable OIDC_TWO_CLOCK_SKEW is not a registration's key")
                .hasMessageContaining("@OidcAuthenticationMechanismDefinition(registrations) entry two.client-id or "
                        + "MicroProfile Config property oidc.two.client-id or environment variable OIDC_TWO_CLIENT_ID "
                        + "or system property oidc.two.client-id is required");
    }

    @Test
    void aNamedKeyThatIsWrongIsReportedAsWrittenInMicroProfileConfig() throws Exception {
        ConfigSource microProfile = MicroProfileConfig.over(new FakeMicroProfileConfig(Map.of(
                "oidc.two.client-auth-method", "telepathy")), FakeMicroProfileConfig.class);

        assertThatThrownBy(() -> MechanismConfig.read(TwoProviders.class.getAnnotation(
                OidcAuthenticationMechanismDefinition.class), new Properties(), Map.of(), Optional.of(microProfile)))
                .hasMessageContaining("MicroProfile Config property oidc.two.client-auth-method");
    }

    @Test
    void aMisspelledSystemPropertyThatMicroProfileConfigAlsoReadsIsReportedOnceAsTheSystemProperty() throws Exception {
        // Payara, WildFly and Liberty: MicroProfile Config reads system properties too, so it lists -Doidc.two.isuer
        Properties system = new Properties();
        system.setProperty("oidc.two.isuer", "https://two.example");
        ConfigSource microProfile = MicroProfileConfig.over(new FakeMicroProfileConfig(Map.of(
                "oidc.two.isuer", "https://two.example", "oidc.two.clientid", "c")), FakeMicroProfileConfig.class);

        assertThatThrownBy(() -> MechanismConfig.read(TwoProviders.class.getAnnotation(
                OidcAuthenticationMechanismDefinition.class), system, Map.of(), Optional.of(microProfile)))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("system property oidc.two.isuer is no key of registration 'two'")
                .hasMessageNotContaining("MicroProfile Config property oidc.two.isuer")
                .as("a typo only MicroProfile Config has (microprofile-config.properties) is still reported")
                .hasMessageContaining("MicroProfile Config property oidc.two.clientid is no key of registration 'two'");
    }
}
