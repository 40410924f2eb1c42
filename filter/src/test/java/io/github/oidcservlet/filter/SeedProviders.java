package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;

import io.github.oidcservlet.testkit.RecordedRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/** What the seed-provider tests share: manual endpoints and a login whose echo page is read as key=value lines. */
final class SeedProviders {

    private SeedProviders() {
    }

    /** Params with the provider's endpoints set by hand (no discovery) and no jwks-uri. */
    static Map<String, String> manualEndpoints(TestProvider provider, String clientId, String secret) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("issuer", provider.issuer());
        params.put("authorization-endpoint", provider.authorizationEndpoint().toString());
        params.put("token-endpoint", provider.tokenEndpoint().toString());
        params.put("userinfo-endpoint", provider.userinfoEndpoint().toString());
        params.put("client-id", clientId);
        if (secret != null) {
            params.put("client-secret", secret);
        }
        params.put("public-paths", "/,/public/*");
        return params;
    }

    /** Logs the provider's current user in at {@code /profile} and returns the echo page as a map. */
    static Map<String, String> logIn(TestApp app) {
        String body = navigate(new TestBrowser(), app.url("/profile")).body();
        assertThat(body).contains("user=");
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                lines.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return lines;
    }

    /**
     * Logs in with access tokens that already sit inside {@code refresh-margin} (the provider must issue them with
     * an {@code expires_in} below 30 s), then makes {@code requests} API calls one after another: each one refreshes
     * through the filter, as does the landing on the page after login. Returns the refresh grants the provider
     * received: {@code requests + 1} of them.
     */
    static List<RecordedRequest> logInAndRefresh(TestApp app, TestProvider provider, int requests) {
        TestBrowser browser = new TestBrowser();
        assertThat(navigate(browser, app.url("/profile")).body()).contains("user=");
        for (int i = 0; i < requests; i++) {
            assertThat(browser.get(app.url("/api/ping")).body()).contains("refreshToken=present");
        }
        return provider.requests("token").stream()
                .filter(r -> "refresh_token".equals(r.form("grant_type"))).toList();
    }
}
