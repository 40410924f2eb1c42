package io.github.oidcservlet.filter;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static io.github.oidcservlet.filter.LoginFlowIT.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a login can go wrong gives a clear 4xx (or 502/503) page, leaves no authenticated session and shows
 * no token, code or secret.
 */
class LoginFailuresIT extends ProviderAndAppIT {

    TestBrowser browser;
    final List<String> logLines = new ArrayList<>();
    final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void freshBrowser() {
        browser = new TestBrowser();
        Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void noSecretsLogged() {
        Logger.getLogger("").removeHandler(logCapture);
        List<String> secrets = new ArrayList<>(List.of(TestProvider.DEFAULT_CLIENT_SECRET));
        provider.requests("token").forEach(r -> {
            if (r.form("code") != null) {
                secrets.add(r.form("code"));
            }
            if (r.form("code_verifier") != null) {
                secrets.add(r.form("code_verifier"));
            }
        });
        synchronized (logLines) {
            for (String line : logLines) {
                for (String secret : secrets) {
                    assertThat(line).doesNotContain(secret);
                }
                assertThat(line).doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
            }
        }
    }

    /** Runs a login that must fail, and checks what the user sees and that no session authenticates. */
    private HttpResponse<String> failedLogin(int expectedStatus, String expectedWords) {
        HttpResponse<String> page = navigate(browser, app.url("/profile"));
        assertThat(page.statusCode()).isEqualTo(expectedStatus);
        assertThat(page.body()).contains(expectedWords).doesNotContain("Exception").doesNotContain("at io.github");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertNoAuthenticatedSession();
        assertNoTokensIn(page.body());
        return page;
    }

    private void assertNoAuthenticatedSession() {
        assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(401);
    }

    private void assertNoTokensIn(String body) {
        assertThat(body).doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.").doesNotContain(TestProvider.DEFAULT_CLIENT_SECRET);
        provider.requests("token").forEach(r -> {
            if (r.form("code") != null) {
                assertThat(body).doesNotContain(r.form("code"));
            }
        });
    }

    private void idTokenClaims(Consumer<JWTClaimsSet.Builder> customizer) {
        provider.behaviour().idTokenClaims(customizer);
    }

    @ParameterizedTest
    @EnumSource(value = Signing.class, names = {"NONE", "HS256_WITH_RSA_PUBLIC_KEY", "FORGED", "HS256_WITH_CLIENT_SECRET"})
    void refusesIdTokensThatAreNotProperlySigned(Signing signing) {
        provider.behaviour().signing(signing);
        failedLogin(401, "could not be verified");
    }

    @Test
    void refusesWrongIssuer() {
        idTokenClaims(b -> b.issuer("https://evil.example.com"));
        failedLogin(401, "could not be verified");
        assertThat(logLines).anyMatch(l -> l.contains("rule 2"));
    }

    @Test
    void refusesWrongAudience() {
        idTokenClaims(b -> b.audience("someone-else"));
        failedLogin(401, "could not be verified");
    }

    @Test
    void refusesWrongAzp() {
        idTokenClaims(b -> b.claim("azp", "someone-else"));
        failedLogin(401, "could not be verified");
    }

    @Test
    void refusesWrongNonce() {
        idTokenClaims(b -> b.claim("nonce", "replayed-nonce"));
        failedLogin(401, "could not be verified");
    }

    @Test
    void refusesExpiredIdToken() {
        idTokenClaims(b -> b.expirationTime(new Date(System.currentTimeMillis() - 3_600_000)));
        failedLogin(401, "could not be verified");
    }

    @Test
    void refusesIdTokenWithoutIat() {
        idTokenClaims(b -> b.issueTime(null));
        failedLogin(401, "could not be verified");
    }

    @Test
    void refusesIdTokenWithoutSub() {
        idTokenClaims(b -> b.subject(null));
        failedLogin(401, "could not be verified");
    }

    @Test
    void refusesUserinfoAboutAnotherUser() {
        provider.behaviour().userinfoSub("mallory");
        failedLogin(401, "could not be verified");
        assertThat(logLines).anyMatch(l -> l.contains("5.3.2"));
    }

    @Test
    void refusesTokenResponseWithoutIdToken() {
        provider.behaviour().omitIdToken(true);
        failedLogin(502, "cannot accept");
    }

    @Test
    void providerErrorIsShownEscaped() {
        provider.behaviour().authorizationError("access_denied", "User <b>cancelled</b> & left");
        HttpResponse<String> page = failedLogin(403, "did not log you in");
        assertThat(page.body()).contains("access_denied", "User &lt;b&gt;cancelled&lt;/b&gt; &amp; left")
                .doesNotContain("<b>cancelled");
        assertThat(provider.count("token")).isZero();
    }

    @Test
    void providerErrorIsJsonForApiClients() {
        provider.behaviour().authorizationError("invalid_scope", "nope");
        HttpResponse<String> challenge = browser.get(app.url("/profile"));
        HttpResponse<String> atCallback = browser.follow(challenge, 1);
        String callback = atCallback.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> json = browser.get(callback, "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("\"provider_error\":\"invalid_scope\"", "\"provider_error_description\":\"nope\"");
    }

    @Test
    void rfc9207MissingIssIsRefusedWhenAdvertised() {
        provider.behaviour().issParameter(true, null);
        TestApp strict = TestApp.start(TestApp.paramsFor(provider));
        try {
            HttpResponse<String> page = navigate(browser, strict.url("/profile"));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("does not say which identity provider");
            assertThat(provider.count("token")).isZero();
        } finally {
            strict.close();
        }
    }

    @Test
    void rfc9207WrongIssIsRefused() {
        provider.behaviour().issParameter(true, "https://attacker.example.com");
        TestApp strict = TestApp.start(TestApp.paramsFor(provider));
        try {
            HttpResponse<String> page = navigate(browser, strict.url("/profile"));
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("unexpected identity provider");
            assertThat(provider.count("token")).isZero();
        } finally {
            strict.close();
        }
    }

    @Test
    void forgedCallbackWithUnknownStateIsRefusedAndLeavesNoSession() {
        HttpResponse<String> page = browser.get(app.url("/oidc/callback?code=stolen&state=forged"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("does not belong to a login started in this browser");
        assertThat(LoginFlowIT.sessionCookie(browser)).isNull();
        assertThat(provider.count("token")).isZero();
    }

    @Test
    void callbackWithoutStateIsRefused() {
        assertThat(browser.get(app.url("/oidc/callback?code=abc")).statusCode()).isEqualTo(400);
    }

    @Test
    void failedCallbackDropsTheSessionItCreated() {
        HttpResponse<String> challenge = browser.get(app.url("/profile"));
        String state = query(URI.create(challenge.headers().firstValue("Location").orElseThrow())).get("state");
        HttpResponse<String> page = browser.get(app.url("/oidc/callback?error=access_denied&state=" + state));
        assertThat(page.statusCode()).isEqualTo(403);
        // the server dropped that session: the next request that needs one gets a brand-new session id
        String dropped = LoginFlowIT.sessionCookie(browser);
        browser.get(app.url("/profile"));
        assertThat(LoginFlowIT.sessionCookie(browser)).isNotNull().isNotEqualTo(dropped);
    }

    @Test
    void forgedCallbackDoesNotLogOutALoggedInUser() {
        navigate(browser, app.url("/profile"));
        assertThat(browser.get(app.url("/oidc/callback?code=x&state=forged")).statusCode()).isEqualTo(400);
        assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(200);
    }

    @Test
    void repeatedParametersAreRefused() {
        HttpResponse<String> challenge = browser.get(app.url("/profile"));
        String state = query(URI.create(challenge.headers().firstValue("Location").orElseThrow())).get("state");
        HttpResponse<String> page = browser.get(app.url("/oidc/callback?code=a&code=b&state=" + state));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("appears more than once");
    }

    @Test
    void replayedCallbackIsRefused() {
        HttpResponse<String> atProvider = browser.follow(browser.get(app.url("/profile")), 1);
        String callback = atProvider.headers().firstValue("Location").orElseThrow();
        assertThat(browser.follow(browser.get(callback), 3).statusCode()).isEqualTo(200);
        TestBrowser attacker = new TestBrowser();
        assertThat(attacker.get(callback).statusCode()).isEqualTo(400);
        assertThat(provider.count("token")).isEqualTo(1);
    }

    @Test
    void codeRefusedByTheTokenEndpointGivesACleanPage() {
        provider.behaviour().tokenEndpointError(400, "invalid_grant", "code expired");
        HttpResponse<String> page = failedLogin(400, "refused to complete the login");
        assertThat(page.body()).contains("invalid_grant", "code expired");
    }

    @Test
    void tokenEndpointServerErrorGives503WithRetryAfter() {
        provider.behaviour().tokenEndpointRawResponse(500, "text/html", "<h1>oops</h1>");
        HttpResponse<String> page = failedLogin(503, "not reachable right now");
        assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
    }

    @Test
    void tokenEndpointGarbageGives502() {
        provider.behaviour().tokenEndpointRawResponse(200, "text/html", "<h1>not json</h1>");
        failedLogin(502, "cannot accept");
    }

    @Test
    void hangingTokenEndpointGives503WithinTheTimeoutWhilePublicPagesServe() {
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("read-timeout", "1");
        TestApp impatient = TestApp.start(params);
        try {
            provider.behaviour().tokenEndpointDelay(Duration.ofSeconds(30));
            HttpResponse<String> atProvider = browser.follow(browser.get(impatient.url("/profile")), 1);
            String callback = atProvider.headers().firstValue("Location").orElseThrow();
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> browser.get(callback));
            TestBrowser visitor = new TestBrowser();
            assertThat(visitor.get(impatient.url("/public/ping")).statusCode()).isEqualTo(200);
            HttpResponse<String> page = stuck.join();
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("not reachable right now");
            // bounded by read-timeout (1 s), far below the provider's 30 s hang
            assertThat(elapsedMillis).isLessThan(10_000);
        } finally {
            impatient.close();
        }
    }

    @Test
    void providerDownGives503AndPublicPagesKeepServing() {
        TestProvider doomed = TestProvider.start();
        TestApp orphan = TestApp.start(TestApp.paramsFor(doomed));
        try {
            doomed.close();
            TestBrowser visitor = new TestBrowser();
            assertThat(visitor.get(orphan.url("/public/ping")).statusCode()).isEqualTo(200);
            // discovery was fetched at start-up; the token endpoint is now gone
            HttpResponse<String> challenge = visitor.get(orphan.url("/profile"));
            assertThat(challenge.statusCode()).isEqualTo(302);
            HttpResponse<String> callback = visitor.get(orphan.url("/oidc/callback?code=x&state="
                    + query(URI.create(challenge.headers().firstValue("Location").orElseThrow())).get("state")));
            assertThat(callback.statusCode()).isEqualTo(503);
            assertThat(callback.headers().firstValue("Retry-After")).isPresent();
        } finally {
            orphan.close();
        }
    }

    @Test
    void providerDownAtStartUpDoesNotStopTheApplication() {
        TestProvider doomed = TestProvider.start();
        Map<String, String> params = TestApp.paramsFor(doomed);
        doomed.close();
        TestApp orphan = TestApp.start(params);
        try {
            TestBrowser visitor = new TestBrowser();
            assertThat(visitor.get(orphan.url("/public/ping")).statusCode()).isEqualTo(200);
            HttpResponse<String> login = visitor.get(orphan.url("/profile"), "Accept", "text/html");
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.headers().firstValue("Retry-After")).isPresent();
            assertThat(login.body()).contains("not reachable right now");
        } finally {
            orphan.close();
        }
    }
}
