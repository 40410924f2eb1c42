package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.github.oidcservlet.filter.FilterConfigurationIT.filterConfig;
import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pushed authorization requests (RFC 9126) through the filter: the {@code par} key, the login over the PAR
 * endpoint, and what the user sees when that endpoint refuses or fails.
 */
class PushedAuthorizationIT {

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create();
    static TestProvider provider;

    @BeforeAll
    static void start() {
        provider = providers.get();
    }

    /** An app started after the provider's knobs are set: discovery is read at start-up. */
    private static TestApp app(String... keyValues) {
        Map<String, String> params = TestApp.paramsFor(provider);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return TestApp.start(params);
    }

    private static RecordedRequest onlyRequest(String endpoint) {
        assertThat(provider.requests(endpoint)).hasSize(1);
        return provider.requests(endpoint).get(0);
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void alwaysLogsInThroughTheParEndpointWithOnlyClientIdAndRequestUriInTheBrowser() throws Exception {
        try (TestApp app = app("par", "always")) {
            TestBrowser browser = new TestBrowser();
            HttpResponse<String> landed = navigate(browser, app.url("/profile"));

            assertThat(landed.statusCode()).isEqualTo(200);
            assertThat(landed.body()).contains("user=alice");
            RecordedRequest pushed = onlyRequest("par");
            assertThat(pushed.method()).isEqualTo("POST");
            assertThat(pushed.header("Authorization")).startsWith("Basic ");
            assertThat(pushed.form("redirect_uri")).isEqualTo(app.url("/oidc/callback"));
            assertThat(pushed.form("state")).hasSize(43);
            assertThat(pushed.form("nonce")).hasSize(43);
            assertThat(pushed.form("code_challenge")).hasSize(43);
            assertThat(pushed.form("code_challenge_method")).isEqualTo("S256");
            RecordedRequest authorize = onlyRequest("authorize");
            // RFC 9126 §4: the browser carries client_id and request_uri, nothing of the pushed request.
            assertThat(authorize.queryParams().keySet()).containsExactlyInAnyOrder("client_id", "request_uri");
            assertThat(authorize.query("client_id")).isEqualTo(TestProvider.DEFAULT_CLIENT_ID);
            // The pushed state came back on the callback, and the pushed challenge matched the redeemed verifier.
            RecordedRequest token = onlyRequest("token");
            assertThat(s256(token.form("code_verifier"))).isEqualTo(pushed.form("code_challenge"));
            URI callback = browser.lastHops().stream()
                    .filter(hop -> hop.getPath().endsWith("/oidc/callback")).findFirst().orElseThrow();
            assertThat(callback.getRawQuery()).contains("state=" + pushed.form("state"));
        }
    }

    @Test
    void autoPicksParWhenTheProviderRequiresIt() {
        provider.behaviour().requirePar(true);
        try (TestApp app = app()) {
            assertThat(navigate(new TestBrowser(), app.url("/profile")).body()).contains("user=alice");
            assertThat(provider.count("par")).isEqualTo(1);
            assertThat(onlyRequest("authorize").queryParams().keySet()).containsExactlyInAnyOrder("client_id",
                    "request_uri");
        }
    }

    @Test
    void autoKeepsTheFrontChannelWhenTheProviderDoesNotRequirePar() {
        try (TestApp app = app()) {
            assertThat(navigate(new TestBrowser(), app.url("/profile")).body()).contains("user=alice");
            assertThat(provider.count("par")).isZero();
            assertThat(onlyRequest("authorize").query("state")).hasSize(43);
        }
    }

    @Test
    void neverSendsTheFrontChannelRequestWhichAProviderThatRequiresParRefuses() {
        provider.behaviour().requirePar(true);
        try (TestApp app = app("par", "never")) {
            HttpResponse<String> page = navigate(new TestBrowser(), app.url("/profile"));

            assertThat(provider.count("par")).isZero();
            assertThat(onlyRequest("authorize").query("state")).isNotNull();
            // the provider's error redirect, shown as the callback's error page
            assertThat(page.statusCode()).isBetween(400, 499);
            assertThat(page.body()).contains("invalid_request").doesNotContain("user=alice");
        }
    }

    @Test
    void alwaysAgainstAProviderWithoutParEndpointFailsStartUpNamingPar() {
        provider.behaviour().advertisePar(false);
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("par", "always");

        assertThatThrownBy(() -> new OidcFilter().init(filterConfig(params)))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("par is 'always'")
                .hasMessageContaining("pushed_authorization_request_endpoint");
    }

    @Test
    void aRefusalAtTheParEndpointGivesA502PageWithTheProvidersWordsEscaped() {
        provider.behaviour().parError(400, "invalid_request", "<script>alert(1)</script> not allowed");
        try (TestApp app = app("par", "always")) {
            TestBrowser browser = new TestBrowser();
            HttpResponse<String> page = navigate(browser, app.url("/profile"));

            assertThat(page.statusCode()).isEqualTo(502);
            assertThat(page.body()).contains("refused to start the login", "invalid_request",
                    "&lt;script&gt;alert(1)&lt;/script&gt; not allowed")
                    .doesNotContain("<script>alert(1)").doesNotContain(TestProvider.DEFAULT_CLIENT_SECRET)
                    .doesNotContain("Exception");
            assertThat(page.headers().firstValue("Retry-After")).isEmpty();
            assertThat(provider.count("authorize")).isZero();
            assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aParEndpointThatDoesNotAnswerInTimeGives503WithRetryAfter() {
        provider.behaviour().parDelay(Duration.ofSeconds(30));
        try (TestApp app = app("par", "always", "read-timeout", "1")) {
            HttpResponse<String> page = navigate(new TestBrowser(), app.url("/profile"));

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("not reachable right now");
            assertThat(provider.count("authorize")).isZero();
        }
    }

    @Test
    void aParEndpointThatIsDownGives503WithRetryAfterAndGarbageGives502() {
        try (TestApp app = app("par", "always")) {
            provider.behaviour().rawAnswer("par", 500, "text/html", "<h1>down</h1>");
            HttpResponse<String> down = navigate(new TestBrowser(), app.url("/profile"));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();

            provider.behaviour().rawAnswer("par", 201, "application/json", "{\"expires_in\":60}");
            HttpResponse<String> garbage = navigate(new TestBrowser(), app.url("/profile"));
            assertThat(garbage.statusCode()).isEqualTo(502);
            assertThat(garbage.body()).contains("cannot accept");
            assertThat(provider.count("authorize")).isZero();
        }
    }
}
