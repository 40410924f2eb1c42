package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import io.github.oidcservlet.testkit.TestProviderOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Signicat Identity Broker (seed 001): endpoints under {@code /broker/openidconnect/}, {@code expires_in} in
 * MILLISECONDS, refresh tokens rotated, userinfo with a Bearer header.
 */
class SignicatProviderIT {

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create(TestProviderOptions.defaults().withIssuerPath("/broker/openidconnect"));
    static TestProvider provider;

    @BeforeAll
    static void start() {
        provider = providers.get();
    }

    @BeforeEach
    void reset() {
        provider.client("signicat-client", "signicat-secret");
        provider.behaviour().allowedClientAuthMethods(Set.of("client_secret_post")).expiresIn(600L)
                .expiresInMilliseconds(true).rotateRefreshTokens(true);
    }

    private static Map<String, String> params() {
        Map<String, String> params = SeedProviders.manualEndpoints(provider, "signicat-client", "signicat-secret");
        params.put("jwks-uri", provider.jwksUri().toString());
        params.put("client-auth-method", "client_secret_post");
        params.put("expires-in-unit", "milliseconds");
        return params;
    }

    @Test
    void expiresInIsReadAsMillisecondsSoTheSessionLastsTenMinutes() {
        try (TestApp app = TestApp.start(params())) {
            long before = System.currentTimeMillis();
            Map<String, String> page = SeedProviders.logIn(app);
            assertThat(page).containsEntry("user", "alice").containsEntry("refreshToken", "present");
            assertThat(Long.parseLong(page.get("expiresAtMillis"))).isCloseTo(before + 600_000L, within(30_000L));
        }
        assertThat(provider.requests("authorize").get(0).path()).isEqualTo("/broker/openidconnect/authorize");
        assertThat(provider.requests("token").get(0).path()).isEqualTo("/broker/openidconnect/token");
        assertThat(provider.requests("userinfo").get(0).header("Authorization")).startsWith("Bearer ");
    }

    @Test
    void withoutTheUnitTheSessionWouldLastAThousandTimesTooLong() {
        Map<String, String> params = params();
        params.remove("expires-in-unit");
        try (TestApp app = TestApp.start(params)) {
            long before = System.currentTimeMillis();
            assertThat(Long.parseLong(SeedProviders.logIn(app).get("expiresAtMillis")))
                    .isCloseTo(before + 600_000_000L, within(30_000L));
        }
    }

    @Test
    void everyRefreshRotatesTheRefreshToken() {
        // 20 000 ms: inside the 30 s refresh-margin once read as milliseconds
        provider.behaviour().expiresIn(20L);
        try (TestApp app = TestApp.start(params())) {
            java.util.List<io.github.oidcservlet.testkit.RecordedRequest> grants = SeedProviders.logInAndRefresh(app, provider, 3);
            assertThat(grants).hasSize(4);
            java.util.List<String> used = grants.stream().map(g -> g.form("refresh_token")).toList();
            assertThat(used).doesNotHaveDuplicates();
            assertThat(grants).allSatisfy(grant -> assertThat(grant.form("client_secret")).isEqualTo("signicat-secret"));
        }
    }
}
