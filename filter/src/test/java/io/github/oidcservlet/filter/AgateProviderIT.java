package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import io.github.oidcservlet.testkit.TestProviderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agate by OBiBa (seed 004): issuer {@code agate:<id>} (not a URL), no discovery, ID token signed HS256 with the
 * client secret, no jwks_uri, no refresh token, only the {@code openid email profile} scopes, a userinfo endpoint.
 */
class AgateProviderIT {

    private static final String ISSUER = "agate:57052206e4b0de43ec19736b";
    private static final String SECRET = "drupal-secret-of-at-least-32-bytes!!";

    /** A provider of its own for each test. */
    @RegisterExtension
    final TestProviderExtension providers =
            TestProviderExtension.create(TestProviderOptions.defaults().withIssuer(ISSUER));

    @Test
    void logsInWithAnHs256IdTokenKeyedWithTheSecretAndNoJwks() {
        TestProvider provider = providers.get();
        provider.client("drupal", SECRET);
        provider.behaviour().signing(Signing.HS256_WITH_CLIENT_SECRET).issueRefreshToken(false)
                .tokenType("bearer").expiresIn(28799L).allowedClientAuthMethods(Set.of("client_secret_post"));
        Map<String, String> params = SeedProviders.manualEndpoints(provider, "drupal", SECRET);
        params.put("id-token-algs", "HS256");
        params.put("client-auth-method", "client_secret_post");
        params.put("scopes", "openid email profile");
        try (TestApp app = TestApp.start(params)) {
            Map<String, String> page = SeedProviders.logIn(app);
            assertThat(page).containsEntry("user", "alice").containsEntry("refreshToken", "none")
                    .containsEntry("email", "alice@example.test");
        }
        assertThat(provider.issuer()).isEqualTo(ISSUER);
        assertThat(provider.count("jwks")).isZero();
        assertThat(provider.count("discovery")).isZero();
        assertThat(provider.count("userinfo")).isEqualTo(1);
        assertThat(provider.requests("authorize").get(0).param("scope")).isEqualTo("openid email profile");
    }

    @Test
    void anRs256IdTokenIsRefusedWhenOnlyHs256IsAllowed() {
        TestProvider provider = providers.get();
        provider.client("drupal", SECRET);
        provider.behaviour().signing(Signing.HS256_WITH_RSA_PUBLIC_KEY).issueRefreshToken(false);
        Map<String, String> params = SeedProviders.manualEndpoints(provider, "drupal", SECRET);
        params.put("id-token-algs", "HS256");
        try (TestApp app = TestApp.start(params)) {
            assertThat(LoginFlowIT.navigate(new io.github.oidcservlet.testkit.TestBrowser(), app.url("/profile"))
                    .body()).doesNotContain("user=alice");
        }
    }
}
