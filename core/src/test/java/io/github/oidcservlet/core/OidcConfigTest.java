package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.config.ClientAuthMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcConfigTest {

    private static OidcConfigException problemsOf(Map<String, String> params) {
        try {
            OidcConfig.fromInitParams(params);
        } catch (OidcConfigException e) {
            return e;
        }
        throw new AssertionError("configuration was accepted: " + params);
    }

    @Test
    void appliesTheDefaultsOfTheDesign() {
        OidcConfig config = TestConfigs.valid();
        assertThat(config.scopes()).isEqualTo("openid profile email");
        assertThat(config.rolesClaim()).isEqualTo("groups");
        assertThat(config.refreshMargin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.expiresInUnit()).isEqualTo(ChronoUnit.SECONDS);
        assertThat(config.redirectPath()).isEqualTo("/oidc/callback");
        assertThat(config.logoutPath()).isEqualTo("/oidc/logout");
        assertThat(config.backchannelLogoutPath()).isEqualTo("/oidc/backchannel-logout");
        assertThat(config.apiPaths()).containsExactly("/api/*");
        assertThat(config.publicPaths()).isEmpty();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.silentReauth()).isFalse();
        assertThat(config.clientAuthMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(config.effectiveDiscoveryUri()).hasToString(TestConfigs.ISSUER + "/.well-known/openid-configuration");
    }

    @Test
    void reportsEveryProblemAtOnceNamingEachKey() {
        OidcConfigException e = problemsOf(Map.of("connect-timeout", "soon", "scopes", "profile",
                "client-auth-method", "magic"));
        assertThat(e.problems()).anyMatch(p -> p.contains("'issuer'") && p.contains("is required"))
                .anyMatch(p -> p.contains("'client-id'") && p.contains("is required"))
                .anyMatch(p -> p.startsWith("init-param 'connect-timeout'"))
                .anyMatch(p -> p.startsWith("init-param 'scopes'") && p.contains("openid"))
                .anyMatch(p -> p.startsWith("init-param 'client-auth-method'"));
        assertThat(e.problems()).hasSize(5);
        assertThat(e.getMessage()).contains("5 problems");
    }

    @Test
    void missingKeyNamesEveryPlaceItCanBeSet() {
        OidcConfigException e = problemsOf(Map.of("issuer", TestConfigs.ISSUER));
        assertThat(e.problems()).singleElement().asString()
                .contains("init-param 'client-id'", "OIDC_CLIENT_ID", "oidc.client-id");
    }

    @Test
    void refusesUnknownInitParamWithSuggestion() {
        Map<String, String> params = TestConfigs.validParams();
        params.put("clientid", "x");
        assertThat(problemsOf(params).problems()).singleElement().asString()
                .contains("init-param 'clientid' is not a known key", "did you mean 'client-id'");
    }

    @ParameterizedTest
    @CsvSource({"isuer, issuer", "public-path, public-paths", "client_id, client-id", "cleint-id, client-id",
            "scope, scopes", "clientSecret, client-secret", "OIDC_CLIENT_ID, client-id", "redirect-uri, redirect-path",
            "tenant, tenants"})
    void suggestsTheNearestKeyForATypo(String typed, String meant) {
        Map<String, String> params = TestConfigs.validParams();
        params.put(typed, "x");
        assertThat(problemsOf(params).problems()).singleElement().asString()
                .contains("init-param '" + typed + "' is not a known key", "(did you mean '" + meant + "'?)");
    }

    @ParameterizedTest
    // ("tenant" was one of these until the key tenants came; it is now suggested, above)
    @ValueSource(strings = {"favourite-colour", "realm", "domain", "x"})
    void suggestsNothingForAnotherWord(String typed) {
        Map<String, String> params = TestConfigs.validParams();
        params.put(typed, "x");
        assertThat(problemsOf(params).problems()).singleElement().asString()
                .contains("is not a known key").doesNotContain("did you mean");
    }

    @Test
    void environmentOverridesInitParamAndSystemPropertyOverridesBoth() {
        Properties props = new Properties();
        props.setProperty("oidc.client-id", "from-property");
        ConfigSource source = ConfigSource.layered(List.of(ConfigSource.systemProperties(props),
                ConfigSource.environment(Map.of("OIDC_CLIENT_ID", "from-env", "OIDC_SCOPES", "openid env")),
                ConfigSource.initParams(TestConfigs.validParams())));
        OidcConfig config = OidcConfig.from(source);
        assertThat(config.clientId()).isEqualTo("from-property");
        assertThat(config.scopes()).isEqualTo("openid env");
    }

    @Test
    void problemNamesTheSourceTheValueCameFrom() {
        ConfigSource source = ConfigSource.layered(List.of(
                ConfigSource.environment(Map.of("OIDC_READ_TIMEOUT", "-3")),
                ConfigSource.initParams(TestConfigs.validParams())));
        assertThatThrownBy(() -> OidcConfig.from(source))
                .hasMessageContaining("environment variable OIDC_READ_TIMEOUT must be at least 1");
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(TestConfigs.valid().toString()).doesNotContain(TestConfigs.SECRET).contains("[secret]");
        assertThat(problemsOf(Map.of("client-secret", "s3cr3t-value", "client-auth-method", "x")).getMessage())
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void secretMethodsNeedASecret() {
        assertThatThrownBy(() -> TestConfigs.with("client-secret", null, "client-auth-method", "client_secret_post"))
                .hasMessageContaining("'client-secret' is required by client-auth-method client_secret_post");
        assertThat(TestConfigs.with("client-secret", null).clientAuthMethod()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void nonUrlIssuerNeedsManualEndpoints() {
        assertThatThrownBy(() -> TestConfigs.with("issuer", "agate:abc")).hasMessageContaining("not an http(s) URL");
        OidcConfig manual = TestConfigs.with("issuer", "agate:abc", "authorization-endpoint", "https://a.example/auth",
                "token-endpoint", "https://a.example/token", "id-token-algs", "HS256");
        assertThat(manual.manualEndpoints()).isTrue();
    }

    @Test
    void manualEndpointsComeInPairsAndNeedKeys() {
        assertThatThrownBy(() -> TestConfigs.with("authorization-endpoint", "https://a.example/auth"))
                .hasMessageContaining("'token-endpoint' is required when authorization-endpoint is set");
        assertThatThrownBy(() -> TestConfigs.with("authorization-endpoint", "https://a.example/auth",
                "token-endpoint", "https://a.example/token")).hasMessageContaining("'jwks-uri' is required");
    }

    @Test
    void refusesAlgNoneAndShortHmacSecrets() {
        assertThatThrownBy(() -> TestConfigs.with("id-token-algs", "none")).hasMessageContaining("may not list 'none'");
        assertThatThrownBy(() -> TestConfigs.with("id-token-algs", "HS256", "client-secret", "short"))
                .hasMessageContaining("'client-secret' is too short");
    }

    @Test
    void extraAuthParamsMayNotOverrideTheFlowsOwn() {
        assertThatThrownBy(() -> TestConfigs.with("extra-auth-params", "prompt=login&state=x"))
                .hasMessageContaining("may not set 'state'");
        assertThat(TestConfigs.with("extra-auth-params", "prompt=login&acr_values=a%20b").extraAuthParams())
                .containsEntry("prompt", "login").containsEntry("acr_values", "a b");
    }

    @Test
    void validatesPathsUrlsAndPatterns() {
        OidcConfigException e = problemsOf(Map.of("issuer", "ftp://x", "client-id", "c", "redirect-path", "callback",
                "public-paths", "/ok/*,/bad*,*.css", "base-url", "https://app.example.com?x=1"));
        assertThat(e.problems()).anyMatch(p -> p.contains("'issuer'"))
                .anyMatch(p -> p.contains("'redirect-path'"))
                .anyMatch(p -> p.contains("'/bad*'"))
                .anyMatch(p -> p.contains("'base-url'"));
    }

    @Test
    void millisecondProvidersAreConfigurable() {
        assertThat(TestConfigs.with("expires-in-unit", "milliseconds").expiresInUnit()).isEqualTo(ChronoUnit.MILLIS);
        assertThatThrownBy(() -> TestConfigs.with("expires-in-unit", "minutes")).hasMessageContaining("'expires-in-unit'");
    }
}
