package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static io.github.oidcservlet.filter.LoginFlowIT.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the filter's configuration does, as a user sets it in web.xml. */
class FilterConfigurationIT {

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create();
    static TestProvider provider;

    @BeforeAll
    static void start() {
        provider = providers.get();
    }

    /** The FilterConfig a container would pass, over plain init-params. */
    static FilterConfig filterConfig(Map<String, String> params) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "oidc";
            }

            @Override
            public ServletContext getServletContext() {
                return Mockito.mock(ServletContext.class);
            }

            @Override
            public String getInitParameter(String name) {
                return params.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(params.keySet());
            }
        };
    }

    @Test
    void initFailsWithOneMessageListingEveryBadKey() {
        Map<String, String> params = Map.of("client-id", "x", "read-timeout", "ten", "api-paths", "/api*",
                "redirectpath", "/cb");
        assertThatThrownBy(() -> new OidcFilter().init(filterConfig(params)))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("init-param 'issuer'")
                .hasMessageContaining("init-param 'read-timeout'")
                .hasMessageContaining("init-param 'api-paths'")
                .hasMessageContaining("'redirectpath' is not a known key (did you mean 'redirect-path'?)");
    }

    @Test
    void initFailsWhenTheDiscoveryDocumentNamesAnotherIssuer() {
        provider.behaviour().discoveryIssuer("https://impostor.example.com");
        assertThatThrownBy(() -> new OidcFilter().init(filterConfig(TestApp.paramsFor(provider))))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("https://impostor.example.com")
                .hasMessageContaining(provider.issuer());
    }

    @Test
    void initFailsNamingTheKeyWhenTheStoreIsUnknown() {
        Map<String, String> params = new java.util.LinkedHashMap<>(TestApp.paramsFor(provider));
        params.put("store", "redis-of-my-dreams");
        assertThatThrownBy(() -> new OidcFilter().init(filterConfig(params)))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("init-param 'store'")
                .hasMessageContaining("memory");
    }

    @Test
    void initNeverShowsTheSecret() {
        Map<String, String> params = Map.of("client-secret", "very-secret-value", "client-auth-method", "bogus");
        assertThatThrownBy(() -> new OidcFilter().init(filterConfig(params)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("very-secret-value"));
    }

    @Test
    void rolesComeFromANestedClaimPath() {
        provider.user("alice", Map.of("realm_access", Map.of("roles", List.of("admin", "offline_access"))));
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("roles-claim", "realm_access.roles");
        params.put("principal-claim", "email");
        try (TestApp app = TestApp.start(params)) {
            String body = navigate(new TestBrowser(), app.url("/profile")).body();
            assertThat(body).contains("user=alice@example.test", "admin=true", "roles=[admin, offline_access]");
        }
    }

    @Test
    void principalDefaultsToSubWithoutPreferredUsername() {
        provider.user("alice", java.util.Collections.singletonMap("preferred_username", null));
        try (TestApp app = TestApp.start(TestApp.paramsFor(provider))) {
            assertThat(navigate(new TestBrowser(), app.url("/profile")).body()).contains("user=alice\n", "sub=alice");
        }
    }

    @Test
    void baseUrlDecidesTheRedirectUriBehindAProxy() {
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("base-url", "https://shop.example.com/store");
        try (TestApp app = TestApp.start(params)) {
            String location = new TestBrowser().get(app.url("/profile")).headers().firstValue("Location").orElseThrow();
            assertThat(query(URI.create(location))).containsEntry("redirect_uri", "https://shop.example.com/store/oidc/callback");
        }
    }

    @Test
    void scopesAndExtraParametersArePassedThroughAsConfigured() {
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("scopes", "openid email offline_access");
        params.put("extra-auth-params", "prompt=login&ui_locales=nb");
        try (TestApp app = TestApp.start(params)) {
            String location = new TestBrowser().get(app.url("/profile")).headers().firstValue("Location").orElseThrow();
            assertThat(query(URI.create(location))).containsEntry("scope", "openid email offline_access")
                    .containsEntry("prompt", "login").containsEntry("ui_locales", "nb");
        }
    }

    @Test
    void clientSecretPostSendsTheSecretInTheBody() {
        provider.behaviour().allowedClientAuthMethods(java.util.Set.of("client_secret_post"));
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("client-auth-method", "client_secret_post");
        try (TestApp app = TestApp.start(params)) {
            assertThat(navigate(new TestBrowser(), app.url("/profile")).body()).contains("user=alice");
            assertThat(provider.requests("token").get(0).form("client_secret")).isEqualTo(TestProvider.DEFAULT_CLIENT_SECRET);
            assertThat(provider.requests("token").get(0).header("Authorization")).isNull();
        }
    }

    @Test
    void clientSecretBasicAgainstAProviderThatWantsPostFailsAtStartUp() {
        // Discovery lists token_endpoint_auth_methods_supported, so the mismatch shows at start-up, not at login
        // (ClientAuthMethodsIT shows the provider's refusal at login with manual endpoints).
        provider.behaviour().allowedClientAuthMethods(java.util.Set.of("client_secret_post"));
        assertThatThrownBy(() -> new OidcFilter().init(filterConfig(TestApp.paramsFor(provider))))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("client-auth-method is 'client_secret_basic'");
    }

    @Test
    void publicClientLogsInWithPkceAlone() {
        provider.client("public-app", null);
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("client-id", "public-app");
        params.remove("client-secret");
        try (TestApp app = TestApp.start(params)) {
            assertThat(navigate(new TestBrowser(), app.url("/profile")).body()).contains("user=alice");
            assertThat(provider.requests("token").get(0).form("client_id")).isEqualTo("public-app");
            assertThat(provider.requests("token").get(0).form("code_verifier")).hasSize(43);
        }
    }
}
