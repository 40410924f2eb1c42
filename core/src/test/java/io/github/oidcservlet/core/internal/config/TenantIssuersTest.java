package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys {@code issuer} (as a multi-tenant template) and {@code tenants}. */
class TenantIssuersTest {

    static final String TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";
    static final String ORGANIZATIONS =
            "https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration";
    static final String TENANT_A = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String TENANT_B = "9188040d-6c67-4c5b-b112-36a304b66dad";

    @Test
    void oneIssuerIsNoTemplateAndTenantsIsEmptyByDefault() {
        TenantIssuers tenants = TestConfigs.valid().tenants();
        assertThat(tenants.multiTenant()).isFalse();
        assertThat(tenants.allowed()).isEmpty();
        // sid and sub are the keys of back-channel logout as they always were
        assertThat(tenants.scopedKey(TestConfigs.ISSUER, "sid-1")).isEqualTo("sid-1");
    }

    @Test
    void aTemplateIssuerWithDiscoveryUriAcceptsEveryTenantOrTheListedOnes() {
        TenantIssuers any = TestConfigs.with("issuer", TEMPLATE, "discovery-uri", ORGANIZATIONS).tenants();
        assertThat(any.multiTenant()).isTrue();
        assertThat(any.admits(TENANT_A)).isTrue();
        assertThat(any.issuerOf(TENANT_A)).isEqualTo("https://login.microsoftonline.com/" + TENANT_A + "/v2.0");
        TenantIssuers listed = TestConfigs.with("issuer", TEMPLATE, "discovery-uri", ORGANIZATIONS,
                "tenants", TENANT_A + ", " + TENANT_B).tenants();
        assertThat(listed.allowed()).containsExactlyInAnyOrder(TENANT_A, TENANT_B);
        assertThat(listed.admits(TENANT_B)).isTrue();
        assertThat(listed.admits("00000000-0000-0000-0000-000000000001")).isFalse();
    }

    @Test
    void tenantsComeFromTheEnvironmentAndSystemPropertiesToo() {
        Map<String, String> params = Map.of("issuer", TEMPLATE, "discovery-uri", ORGANIZATIONS, "client-id", "c");
        Properties properties = new Properties();
        properties.setProperty("oidc.tenants", TENANT_B);
        OidcConfig fromProperty = OidcConfig.from(ConfigSource.layered(List.of(
                ConfigSource.systemProperties(properties), ConfigSource.initParams(params))));
        assertThat(fromProperty.tenants().allowed()).isEqualTo(Set.of(TENANT_B));
        OidcConfig fromEnvironment = OidcConfig.from(ConfigSource.layered(List.of(
                ConfigSource.environment(Map.of("OIDC_TENANTS", TENANT_A + " " + TENANT_B)),
                ConfigSource.initParams(params))));
        assertThat(fromEnvironment.tenants().allowed()).containsExactlyInAnyOrder(TENANT_A, TENANT_B);
    }

    @Test
    void theTenantOfAnIssuerIsTheTemplatesPlaceAndNothingElse() {
        TenantIssuers tenants = TestConfigs.with("issuer", TEMPLATE, "discovery-uri", ORGANIZATIONS).tenants();
        assertThat(tenants.tenantOf("https://login.microsoftonline.com/" + TENANT_A + "/v2.0")).isEqualTo(TENANT_A);
        assertThat(tenants.tenantOf("https://login.microsoftonline.com/a/b/v2.0")).isNull();
        assertThat(tenants.tenantOf("https://login.microsoftonline.com//v2.0")).isNull();
        assertThat(tenants.tenantOf("https://evil.example/" + TENANT_A + "/v2.0")).isNull();
        assertThat(tenants.tenantOf(TEMPLATE)).isNull();
        assertThat(tenants.scopedKey("https://login.microsoftonline.com/" + TENANT_A + "/v2.0", "sub-1"))
                .isEqualTo("https://login.microsoftonline.com/" + TENANT_A + "/v2.0 sub-1");
    }

    @Test
    void whatDoesNotFitTogetherIsReportedAtOnceNamingTheKeys() {
        assertThatThrownBy(() -> TestConfigs.with("tenants", TENANT_A + ",not/a/tenant"))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'tenants' has 'not/a/tenant', which is no tenant id")
                .hasMessageContaining("init-param 'tenants' is set, but issuer '" + TestConfigs.ISSUER
                        + "' is no multi-tenant template");
        assertThatThrownBy(() -> TestConfigs.with("issuer", TEMPLATE))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'issuer' is a multi-tenant template ({tenantid}), which names no "
                        + "discovery document: set discovery-uri");
        assertThatThrownBy(() -> TestConfigs.with("issuer", "http://127.0.0.1:8/{tenantid}/v2.0"))
                .isInstanceOf(OidcConfigException.class).hasMessageContaining("set discovery-uri");
        assertThatThrownBy(() -> TestConfigs.with("issuer", "https://x.example/{tenantid}/{tenantid}",
                "discovery-uri", ORGANIZATIONS))
                .isInstanceOf(OidcConfigException.class).hasMessageContaining("exactly once");
        assertThatThrownBy(() -> TestConfigs.with("issuer", "https://login.microsoftonline.com/{tenant-id}/v2.0",
                "discovery-uri", ORGANIZATIONS))
                .isInstanceOf(OidcConfigException.class).hasMessageContaining("with braces but no {tenantid}");
    }
}
