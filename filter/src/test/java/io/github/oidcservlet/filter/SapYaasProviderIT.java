package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import io.github.oidcservlet.testkit.TestProviderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SAP Hybris YaaS (seed 002): the code flow with {@code openid} returns an {@code id_token}; tenant-specific
 * scopes; the ID token is kept for {@code id_token_hint}.
 */
class SapYaasProviderIT {

    /** A provider of its own for each test. */
    @RegisterExtension
    final TestProviderExtension providers =
            TestProviderExtension.create(TestProviderOptions.defaults().withIssuerPath("/hybris/oauth2/v1"));

    @Test
    void tenantScopesArePassedThroughExactlyAndTheIdTokenIsKeptForHints() {
        TestProvider provider = providers.get();
        provider.client("yaas-client", "yaas-secret");
        Map<String, String> params = SeedProviders.manualEndpoints(provider, "yaas-client", "yaas-secret");
        params.put("jwks-uri", provider.jwksUri().toString());
        params.put("scopes", "openid hybris.tenant=t1 hybris.product_read");
        try (TestApp app = TestApp.start(params)) {
            Map<String, String> page = SeedProviders.logIn(app);
            assertThat(page).containsEntry("user", "alice").containsEntry("idToken", "present");
        }
        String scope = provider.requests("authorize").get(0).param("scope");
        assertThat(scope).isEqualTo("openid hybris.tenant=t1 hybris.product_read");
        assertThat(provider.requests("token").get(0).path()).isEqualTo("/hybris/oauth2/v1/token");
    }

    @Test
    void anExpiredLoginComesBackSilentlyWithTheIdTokenAsHint() throws InterruptedException {
        TestProvider provider = providers.get();
        provider.client("yaas-client", "yaas-secret");
        // YaaS issues no refresh token in this set-up: an expired login goes back with the ID token as hint
        provider.behaviour().issueRefreshToken(false).expiresIn(1L);
        Map<String, String> params = SeedProviders.manualEndpoints(provider, "yaas-client", "yaas-secret");
        params.put("jwks-uri", provider.jwksUri().toString());
        params.put("scopes", "openid hybris.tenant=t1");
        params.put("silent-reauth", "true");
        try (TestApp app = TestApp.start(params)) {
            io.github.oidcservlet.testkit.TestBrowser browser = new io.github.oidcservlet.testkit.TestBrowser();
            // stop at the callback's answer, then let the one-second access token expire
            java.net.http.HttpResponse<String> callback = browser.follow(browser.get(app.url("/profile"), "Accept", "text/html"), 2);
            assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
            Thread.sleep(1_100);
            java.net.http.HttpResponse<String> again = browser.get(app.url("/profile"), "Accept", "text/html");
            Map<String, String> hint = LoginFlowIT.query(java.net.URI.create(again.headers().firstValue("Location").orElseThrow()));
            assertThat(hint).containsEntry("prompt", "none").containsEntry("scope", "openid hybris.tenant=t1");
            assertThat(hint.get("id_token_hint")).startsWith("eyJ");
        }
    }
}
