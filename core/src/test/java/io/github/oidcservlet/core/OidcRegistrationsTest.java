package io.github.oidcservlet.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several provider registrations: the named keys in every source, what is inherited, and every problem at once. */
class OidcRegistrationsTest {

    private static final String SECRET = TestConfigs.SECRET;

    private final Properties system = new Properties();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> initParams = new HashMap<>();

    private ConfigSource source() {
        return ConfigSource.layered(List.of(ConfigSource.systemProperties(system),
                ConfigSource.environment(environment), ConfigSource.initParams(initParams)));
    }

    private OidcRegistrations read() {
        return OidcRegistrations.from(source());
    }

    private List<String> problems() {
        try {
            read();
        } catch (OidcConfigException e) {
            return e.problems();
        }
        throw new AssertionError("configuration was accepted");
    }

    /** Two complete registrations: google in web.xml, work in the environment and system properties. */
    private void twoRegistrations() {
        initParams.put("providers", "google,work");
        initParams.put("google.issuer", "https://accounts.google.example");
        initParams.put("google.client-id", "g-client");
        initParams.put("google.client-secret", SECRET);
        environment.put("OIDC_WORK_ISSUER", "https://login.work.example");
        environment.put("OIDC_WORK_CLIENT_ID", "w-client");
        system.setProperty("oidc.work.client-secret", SECRET);
    }

    @Test
    void eachNamedRegistrationReadsItsOwnKeysFromWebXmlEnvironmentAndSystemProperties() {
        twoRegistrations();
        environment.put("OIDC_WORK_DISPLAY_NAME", "Work account");

        OidcRegistrations registrations = read();

        assertThat(registrations.all()).extracting(OidcConfig::registration).containsExactly("google", "work");
        OidcConfig google = registrations.named("google").orElseThrow();
        OidcConfig work = registrations.named("work").orElseThrow();
        assertThat(google.issuer()).isEqualTo("https://accounts.google.example");
        assertThat(google.clientId()).isEqualTo("g-client");
        assertThat(work.issuer()).isEqualTo("https://login.work.example");
        assertThat(work.clientId()).isEqualTo("w-client");
        assertThat(work.clientSecret()).isPresent();
        assertThat(google.displayName()).as("the name by default").isEqualTo("google");
        assertThat(work.displayName()).isEqualTo("Work account");
        // RFC 9700 §4.4.2: each provider its own redirect URI, below the application's redirect-path
        assertThat(google.redirectPath()).isEqualTo("/oidc/callback/google");
        assertThat(work.redirectPath()).isEqualTo("/oidc/callback/work");
        assertThat(work.backchannelLogoutPath()).isEqualTo("/oidc/backchannel-logout/work");
        assertThat(work.logoutPath()).as("the application's").isEqualTo("/oidc/logout");
        assertThat(registrations.named("default")).isEmpty();
    }

    /** PAR and multi-tenant issuers are a provider's matters: each registration has its own. */
    @Test
    void pushedRequestsAndTenantsArePerRegistration() {
        twoRegistrations();
        initParams.put("par", "never");
        environment.put("OIDC_WORK_ISSUER", "https://login.microsoftonline.com/{tenantid}/v2.0");
        environment.put("OIDC_WORK_DISCOVERY_URI",
                "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration");
        environment.put("OIDC_WORK_TENANTS", "tenant-a");
        environment.put("OIDC_WORK_PAR", "always");
        environment.put("OIDC_WORK_PAR_ENDPOINT", "https://login.work.example/par");

        OidcRegistrations registrations = read();

        OidcConfig google = registrations.named("google").orElseThrow();
        OidcConfig work = registrations.named("work").orElseThrow();
        assertThat(google.par().mode()).as("the un-named par is the default").hasToString("NEVER");
        assertThat(work.par().mode()).hasToString("ALWAYS");
        assertThat(work.par().configuredEndpoint()).contains(java.net.URI.create("https://login.work.example/par"));
        assertThat(google.par().configuredEndpoint()).isEmpty();
        assertThat(work.tenants().multiTenant()).isTrue();
        assertThat(work.tenants().allowed()).containsExactly("tenant-a");
        assertThat(google.tenants().multiTenant()).isFalse();
    }

    @Test
    void tenantsAndParEndpointAreNeverTakenFromTheUnnamedKeys() {
        twoRegistrations();
        initParams.put("tenants", "tenant-a");
        initParams.put("par-endpoint", "https://login.work.example/par");

        assertThat(problems()).anySatisfy(p -> assertThat(p).contains("tenants"))
                .anySatisfy(p -> assertThat(p).contains("par-endpoint"));
    }

    @Test
    void withoutProvidersTheUnnamedKeysAreTheOneDefaultRegistrationAsBefore() {
        initParams.putAll(TestConfigs.validParams());

        OidcRegistrations registrations = read();

        assertThat(registrations.all()).singleElement().satisfies(config -> {
            assertThat(config.registration()).isEqualTo("default");
            assertThat(config.redirectPath()).isEqualTo("/oidc/callback");
            assertThat(config.backchannelLogoutPath()).isEqualTo("/oidc/backchannel-logout");
        });
        assertThat(OidcConfig.from(source()).clientId()).isEqualTo(TestConfigs.CLIENT_ID);
    }

    @Test
    void loginPreferencesDefaultToTheUnnamedKeyAndTheNamedOneWins() {
        twoRegistrations();
        initParams.put("scopes", "openid email");
        initParams.put("roles-claim", "realm_access.roles");
        environment.put("OIDC_WORK_SCOPES", "openid profile offline_access");
        initParams.put("redirect-path", "/login/callback");

        OidcRegistrations registrations = read();

        OidcConfig google = registrations.named("google").orElseThrow();
        OidcConfig work = registrations.named("work").orElseThrow();
        assertThat(google.scopes()).isEqualTo("openid email");
        assertThat(work.scopes()).isEqualTo("openid profile offline_access");
        assertThat(work.rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(work.redirectPath()).isEqualTo("/login/callback/work");
    }

    @Test
    void aRegistrationsProviderAndClientKeysAreNeverTakenFromTheUnnamedOnes() {
        twoRegistrations();
        environment.put("OIDC_CLIENT_SECRET", SECRET);
        initParams.put("issuer", "https://other.example");

        assertThat(problems()).anyMatch(p -> p.startsWith("environment variable OIDC_CLIENT_SECRET is set, but")
                        && p.contains("each has its own client-secret"))
                .anyMatch(p -> p.startsWith("init-param 'issuer' is set, but"));
    }

    @Test
    void everyProblemOfEveryRegistrationAtOnceEachNamedAsWritten() {
        twoRegistrations();
        environment.put("OIDC_WORK_ISSUER", "http://login.work.example");
        environment.remove("OIDC_WORK_CLIENT_ID");
        initParams.put("google.scopes", "profile");
        initParams.put("connect-timeout", "soon");

        List<String> problems = problems();

        assertThat(problems).anyMatch(p -> p.startsWith("environment variable OIDC_WORK_ISSUER is plain http"))
                .anyMatch(p -> p.contains("environment variable OIDC_WORK_CLIENT_ID") && p.endsWith("is required"))
                .anyMatch(p -> p.startsWith("init-param 'google.scopes' must contain 'openid'"))
                .anyMatch(p -> p.startsWith("init-param 'connect-timeout'"))
                .hasSize(4);
    }

    @Test
    void aProblemOfAnInheritedUnnamedKeyIsToldOnce() {
        twoRegistrations();
        initParams.put("userinfo", "sometimes");

        assertThat(problems()).singleElement().asString().startsWith("init-param 'userinfo' must be always");
    }

    @Test
    void unknownNamedKeysAreReportedWithTheNearestKey() {
        twoRegistrations();
        environment.put("OIDC_WORK_ISUER", "https://typo.example");
        system.setProperty("oidc.google.logout-path", "/bye");

        assertThat(problems())
                .anyMatch(p -> p.equals("environment variable OIDC_WORK_ISUER is no key of registration 'work' "
                        + "(did you mean 'issuer'?)"))
                .anyMatch(p -> p.startsWith("system property oidc.google.logout-path is not a registration's key")
                        && p.contains("applies to the whole application"))
                .hasSize(2);
    }

    @Test
    void aLongerNamesKeysAreNotTheShorterNamesUnknownOnes() {
        twoRegistrations();
        initParams.put("providers", "work,work-eu");
        initParams.keySet().removeIf(key -> key.startsWith("google."));
        environment.put("OIDC_WORK_EU_ISSUER", "https://eu.work.example");
        environment.put("OIDC_WORK_EU_CLIENT_ID", "eu-client");

        assertThat(read().named("work-eu").orElseThrow().issuer()).isEqualTo("https://eu.work.example");
    }

    @Test
    void initParamsOfARegistrationProvidersDoesNotNameAreReportedWithTheNearestName() {
        twoRegistrations();
        initParams.put("wrok.client-id", "typo");

        assertThatThrownBy(() -> OidcRegistrations.fromInitParams(initParams))
                .isInstanceOfSatisfying(OidcConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("init-param 'wrok.client-id' is for registration 'wrok', which")
                                && p.endsWith("does not name (did you mean 'work'?)")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Work", "work_eu", "-work", "default", "public", "store", "store-eu"})
    void namesThatDoNotReadTheSameEverywhereOrCollideWithOtherKeysAreRefused(String name) {
        initParams.put("providers", name);
        initParams.put(name + ".issuer", "https://op.example");
        initParams.put(name + ".client-id", "c");

        assertThat(problems()).anyMatch(p -> p.startsWith("init-param 'providers' has '" + name + "'"));
    }

    @Test
    void aNameTwiceIsRefused() {
        twoRegistrations();
        initParams.put("providers", "google,work,google");

        assertThat(problems()).containsExactly("init-param 'providers' has 'google' twice");
    }

    @Test
    void providersWithoutAnyNameIsRefused() {
        initParams.put("providers", " , ");

        assertThat(problems()).containsExactly("init-param 'providers' names no registration");
    }

    @Test
    void pathAndHostRulesBelongToNamedRegistrations() {
        twoRegistrations();
        initParams.put("work.paths", "/intranet/*, /hr/*");
        environment.put("OIDC_WORK_HOSTS", "work.example.com, *.Corp.example");

        OidcConfig work = read().named("work").orElseThrow();

        assertThat(work.paths()).containsExactly("/intranet/*", "/hr/*");
        assertThat(work.hosts()).containsExactly("work.example.com", "*.corp.example");
    }

    @Test
    void badHostsAndRulesWithoutAnyNamedRegistrationAreRefused() {
        initParams.putAll(TestConfigs.validParams());
        initParams.put("paths", "/intranet/*");

        assertThat(problems()).containsExactly("init-param 'paths' only applies to a registration named in "
                + "providers (e.g. <name>.paths)");

        initParams.remove("paths");
        twoRegistrations();
        initParams.keySet().removeIf(key -> key.equals("issuer") || key.equals("client-id") || key.equals("client-secret"));
        initParams.put("work.hosts", "https://work.example:443");
        assertThat(problems()).singleElement().asString().startsWith("init-param 'work.hosts' has "
                + "'https://work.example:443'");
    }

    @Test
    void aFrontDoorThatReadsOneRegistrationIsToldThatThereAreSeveral() {
        twoRegistrations();

        assertThatThrownBy(() -> OidcConfig.from(source())).isInstanceOfSatisfying(OidcConfigException.class,
                e -> assertThat(e.problems()).containsExactly("init-param 'providers' names 2 registrations "
                        + "(google, work), but this reads one; read them with OidcRegistrations"));
    }
}
