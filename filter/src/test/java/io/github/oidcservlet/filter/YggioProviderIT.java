package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Yggio (seed 000): no discovery, endpoints as its {@code auth/endpoints} call lists them, {@code client_secret}
 * in the form body, {@code token_type: 'bearer'}, access token valid 30 days, refresh tokens issued.
 */
class YggioProviderIT {

    private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

    /** A provider of its own for each test. */
    @RegisterExtension
    final TestProviderExtension providers = TestProviderExtension.create();

    @Test
    void logsInWithManualEndpointsAndTheSecretInTheBody() {
        TestProvider provider = providers.get();
        provider.client("yggio-rp", "yggio-secret");
        provider.behaviour().allowedClientAuthMethods(Set.of("client_secret_post")).tokenType("bearer")
                .expiresIn(THIRTY_DAYS).issueRefreshToken(true);
        Map<String, String> params = SeedProviders.manualEndpoints(provider, "yggio-rp", "yggio-secret");
        params.put("jwks-uri", provider.jwksUri().toString());
        params.put("client-auth-method", "client_secret_post");
        try (TestApp app = TestApp.start(params)) {
            long before = System.currentTimeMillis();
            Map<String, String> page = SeedProviders.logIn(app);
            assertThat(page).containsEntry("user", "alice").containsEntry("refreshToken", "present");
            assertThat(Long.parseLong(page.get("expiresAtMillis")))
                    .isCloseTo(before + THIRTY_DAYS * 1000, within(60_000L));
        }
        RecordedRequest token = provider.requests("token").get(0);
        assertThat(token.form("client_id")).isEqualTo("yggio-rp");
        assertThat(token.form("client_secret")).isEqualTo("yggio-secret");
        assertThat(token.form("grant_type")).isEqualTo("authorization_code");
        assertThat(token.header("Authorization")).isNull();
        assertThat(provider.count("discovery")).isZero();
    }

    @Test
    void refreshesWithTheRefreshTokenAndTheSecretInTheBody() {
        TestProvider provider = providers.get();
        provider.client("yggio-rp", "yggio-secret");
        // 20 s tokens sit inside the 30 s refresh-margin, so every request refreshes
        provider.behaviour().allowedClientAuthMethods(Set.of("client_secret_post")).tokenType("bearer")
                .expiresIn(20L).issueRefreshToken(true);
        Map<String, String> params = SeedProviders.manualEndpoints(provider, "yggio-rp", "yggio-secret");
        params.put("jwks-uri", provider.jwksUri().toString());
        params.put("client-auth-method", "client_secret_post");
        try (TestApp app = TestApp.start(params)) {
            java.util.List<RecordedRequest> grants = SeedProviders.logInAndRefresh(app, provider, 2);
            assertThat(grants).hasSize(3).allSatisfy(grant -> {
                assertThat(grant.form("client_secret")).isEqualTo("yggio-secret");
                assertThat(grant.form("refresh_token")).isNotBlank();
                assertThat(grant.header("Authorization")).isNull();
            });
        }
    }
}
