package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silent refresh and re-authentication through the filter. Expiry is steered by the provider's {@code expires_in}:
 * 20 s is "valid but within the 30 s refresh-margin", 0 s is "expired".
 */
class SessionRefreshIT {

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create();
    static TestProvider provider;
    static TestApp app;
    static final MovableClock clock = new MovableClock();
    TestBrowser browser;

    @BeforeAll
    static void start() {
        provider = providers.get();
        // no userinfo endpoint in discovery: with expires_in 0 the access token could not fetch it at login
        provider.behaviour().userinfoDisabled(true);
        app = TestApp.start(TestApp.paramsFor(provider), clock);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void fresh() {
        provider.behaviour().userinfoDisabled(true);
        browser = new TestBrowser();
    }

    /** Logs in with access tokens of {@code expiresIn} seconds and stops at the callback's answer. */
    static void logIn(TestBrowser browser, TestApp app, long expiresIn) {
        provider.behaviour().expiresIn(expiresIn);
        int before = provider.count("token");
        HttpResponse<String> callback = browser.follow(browser.get(app.url("/profile"), "Accept", "text/html"), 2);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.uri().getPath()).endsWith("/oidc/callback");
        assertThat(provider.count("token")).isEqualTo(before + 1);
    }

    static List<RecordedRequest> refreshGrants() {
        return provider.requests("token").stream()
                .filter(r -> "refresh_token".equals(r.form("grant_type"))).toList();
    }

    HttpResponse<String> api() {
        return browser.get(app.url("/api/ping"));
    }

    @Test
    void tokenWithinTheMarginIsRefreshedWithClientAuthenticationAndTheRequestCarriesOn() {
        logIn(browser, app, 20);
        provider.behaviour().expiresIn(300L);
        HttpResponse<String> response = api();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("user=alice");
        assertThat(refreshGrants()).hasSize(1);
        assertThat(refreshGrants().get(0).header("Authorization")).startsWith("Basic ");
        // the refreshed token is far from expiry: back to the hot path, no further grant
        assertThat(api().body()).contains("user=alice");
        assertThat(refreshGrants()).hasSize(1);
    }

    @Test
    void requestsWhoseTokenIsStillValidDoNotWaitForTheRefreshUnderWay() throws Exception {
        logIn(browser, app, 20);
        // the first request inside the margin starts a refresh that the provider answers only after 3 s
        provider.behaviour().expiresIn(300L).tokenEndpointDelay(Duration.ofSeconds(3));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> refreshing = pool.submit(this::api);
            while (refreshGrants().isEmpty()) {
                Thread.sleep(10);
            }
            // the refresh is under way: this request's token is still valid, so it is served without waiting
            HttpResponse<String> meanwhile = api();
            assertThat(meanwhile.statusCode()).isEqualTo(200);
            assertThat(refreshing.isDone()).isFalse();
            assertThat(refreshing.get().statusCode()).isEqualTo(200);
            assertThat(refreshGrants()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyConcurrentRequestsAfterExpirySendExactlyOneRefreshGrant() throws Exception {
        logIn(browser, app, 0);
        // slow enough that all twenty arrive while the one refresh is under way
        provider.behaviour().expiresIn(300L).tokenEndpointDelay(Duration.ofMillis(500));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api();
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                assertThat(answer.get().body()).contains("user=alice");
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("refresh grants sent for 20 concurrent requests after expiry: " + refreshGrants().size());
        assertThat(refreshGrants()).hasSize(1);
    }

    @Test
    void rotatedRefreshTokensReplaceTheOldOneTwiceInARow() {
        provider.behaviour().rotateRefreshTokens(true);
        logIn(browser, app, 0);
        // every refresh issues an already expired token again, so each request below refreshes once more
        for (int i = 0; i < 3; i++) {
            assertThat(api().body()).contains("user=alice");
        }
        List<String> used = refreshGrants().stream().map(r -> r.form("refresh_token")).toList();
        assertThat(used).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void theOldRefreshTokenIsKeptWhenTheRefreshReturnsNone() {
        logIn(browser, app, 0);
        provider.behaviour().issueRefreshToken(false);
        assertThat(api().body()).contains("user=alice");
        assertThat(api().body()).contains("user=alice");
        List<String> used = refreshGrants().stream().map(r -> r.form("refresh_token")).toList();
        assertThat(used).hasSize(2);
        assertThat(used.get(1)).isEqualTo(used.get(0));
    }

    @Test
    void invalidGrantEndsTheLoginApiGets401AndANavigationLogsInAgain() {
        logIn(browser, app, 20);
        provider.behaviour().tokenEndpointError(400, "invalid_grant", "refresh token revoked");
        assertThat(api().statusCode()).isEqualTo(401);
        provider.behaviour().tokenEndpointError(400, null, null);
        // the login is gone, though its access token would still be valid: no second grant, still 401
        assertThat(api().statusCode()).isEqualTo(401);
        assertThat(refreshGrants()).hasSize(1);
        HttpResponse<String> navigation = browser.get(app.url("/profile"), "Accept", "text/html");
        assertThat(navigation.statusCode()).isEqualTo(302);
        URI location = URI.create(navigation.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(provider.authorizationEndpoint().toString());
        assertThat(LoginFlowIT.query(location)).doesNotContainKey("id_token_hint");
    }

    @Test
    void refreshedIdTokenOfAnotherSubjectEndsTheLogin() {
        logIn(browser, app, 20);
        provider.behaviour().idTokenClaims(claims -> claims.subject("mallory"));
        assertThat(api().statusCode()).isEqualTo(401);
        assertThat(refreshGrants()).hasSize(1);
    }

    @Test
    void providerDownWhileTheAccessTokenIsStillValidKeepsTheUserIn() {
        logIn(browser, app, 20);
        provider.behaviour().tokenEndpointRawResponse(503, "text/html", "<h1>maintenance</h1>");
        HttpResponse<String> response = api();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("user=alice");
    }

    @Test
    void providerDownAfterExpiryGivesA503PageOrJsonNeverA500() {
        logIn(browser, app, 0);
        provider.behaviour().tokenEndpointError(503, "temporarily_unavailable", "down for maintenance");
        HttpResponse<String> page = browser.get(app.url("/profile"), "Accept", "text/html");
        System.out.println("a browser whose login expired while the provider is down sees: " + page.statusCode()
                + " " + page.body().replaceAll("(?s)^.*?<p>(.*?)</p>.*", "$1"));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("not reachable right now");
        provider.behaviour().tokenEndpointError(503, null, null).tokenEndpointRawResponse(502, "text/plain", "bad gateway");
        HttpResponse<String> json = api();
        assertThat(json.statusCode()).isEqualTo(503);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.body()).contains("\"error\":\"provider_unavailable\"");
    }

    @Test
    void aSessionThatMetTheProviderDownRefreshesOnceTheProviderIsBack() {
        logIn(browser, app, 0);
        provider.behaviour().tokenEndpointError(503, "temporarily_unavailable", "down for maintenance");
        assertThat(api().statusCode()).isEqualTo(503);
        int grantsWhileDown = refreshGrants().size();
        assertThat(grantsWhileDown).isEqualTo(1);

        // the provider is back; once the failed refresh's short linger (2 s) is over, the same session's next
        // request asks again, though no other session of this quiet node refreshed meanwhile
        provider.behaviour().tokenEndpointError(503, null, null).expiresIn(300L);
        clock.advance(Duration.ofSeconds(3));
        HttpResponse<String> back = api();
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("user=alice");
        assertThat(refreshGrants()).hasSize(grantsWhileDown + 1);
    }

    @Test
    void expiredLoginWithoutRefreshTokenReauthenticatesWithIdTokenHint() {
        provider.behaviour().issueRefreshToken(false);
        logIn(browser, app, 0);
        HttpResponse<String> navigation = browser.get(app.url("/profile"), "Accept", "text/html");
        assertThat(navigation.statusCode()).isEqualTo(302);
        Map<String, String> params = LoginFlowIT.query(URI.create(navigation.headers().firstValue("Location").orElseThrow()));
        assertThat(params).containsKey("id_token_hint").doesNotContainKey("prompt");
        assertThat(api().statusCode()).isEqualTo(401);
        assertThat(refreshGrants()).isEmpty();
    }

    @Test
    void silentReauthenticationUsesPromptNoneAndFallsBackToAnInteractiveLogin() {
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("silent-reauth", "true");
        TestApp silent = TestApp.start(params);
        try {
            provider.behaviour().issueRefreshToken(false);
            logIn(browser, silent, 0);
            provider.behaviour().expiresIn(300L);
            // the provider still knows the user: prompt=none logs in again without a page
            HttpResponse<String> landed = browser.follow(browser.get(silent.url("/profile"), "Accept", "text/html"), 10);
            assertThat(landed.body()).contains("user=alice");
            RecordedRequest silentRequest = provider.requests("authorize").get(1);
            assertThat(silentRequest.query("prompt")).isEqualTo("none");
            assertThat(silentRequest.query("id_token_hint")).isNotEmpty();

            TestBrowser other = new TestBrowser();
            logIn(other, silent, 0);
            // now the provider would have to ask the user: login_required, then an interactive login
            provider.behaviour().interactiveLogin(true);
            HttpResponse<String> form = other.follow(other.get(silent.url("/profile"), "Accept", "text/html"), 10);
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("username");
            List<RecordedRequest> authorize = provider.requests("authorize");
            assertThat(authorize.get(authorize.size() - 2).query("prompt")).isEqualTo("none");
            assertThat(authorize.get(authorize.size() - 1).query("prompt")).isNull();
        } finally {
            silent.close();
        }
    }
}
