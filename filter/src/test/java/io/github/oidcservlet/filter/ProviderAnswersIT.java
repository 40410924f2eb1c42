package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider answers our parsers refuse are the provider's fault, never a 500 nor a "bad token": item 10 (the body
 * cap, a repeated member), item 15 (a signed payload that is no JSON object) and item 16 (a key set that cannot be
 * read, and the first login after it can be read again). A fresh application per test, so that no key set or
 * rate limit is left over from another test.
 */
class ProviderAnswersIT {

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create();
    static TestProvider provider;
    TestApp app;
    final List<String> logLines = new ArrayList<>();
    final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void startProvider() {
        provider = providers.get();
    }

    @BeforeEach
    void freshApp() {
        app = TestApp.start(TestApp.paramsFor(provider));
        Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void stopApp() {
        Logger.getLogger("").removeHandler(logCapture);
        app.close();
        synchronized (logLines) {
            assertThat(logLines).noneMatch(l -> l != null && l.matches("(?s).*eyJ[A-Za-z0-9_-]{10,}\\..*"));
        }
    }

    private HttpResponse<String> login(TestBrowser browser) {
        return navigate(browser, app.url("/profile"));
    }

    private HttpResponse<String> failedLogin(int status, String words) {
        HttpResponse<String> page = login(new TestBrowser());
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).contains(words).doesNotContain("Exception");
        return page;
    }

    private boolean logged(String... parts) {
        synchronized (logLines) {
            return logLines.stream().anyMatch(l -> l != null && List.of(parts).stream().allMatch(l::contains));
        }
    }

    // --- item 10 -------------------------------------------------------------------------------------------

    @Test
    void userinfoWithARepeatedMemberIsA502NotA500() {
        provider.behaviour().rawAnswer("userinfo", 200, "application/json",
                "{\"sub\":\"alice\",\"email\":\"a@example.com\",\"email\":\"b@example.com\"}");
        failedLogin(502, "cannot accept");
        assertThat(logged("userinfo endpoint", "repeated member")).isTrue();
    }

    @Test
    void userinfoOverTheCapIsA502NamingTheEndpoint() {
        provider.behaviour().rawAnswer("userinfo", 200, "application/json",
                "{\"sub\":\"alice\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
        failedLogin(502, "cannot accept");
        assertThat(logged("userinfo endpoint at " + provider.userinfoEndpoint(), "max-response-size")).isTrue();
    }

    @Test
    void aTokenResponseOverTheCapIsA502NamingTheEndpoint() {
        provider.behaviour().tokenEndpointRawResponse(200, "application/json",
                "{\"access_token\":\"" + "x".repeat(1024 * 1024) + "\",\"token_type\":\"Bearer\"}");
        failedLogin(502, "cannot accept");
        assertThat(logged("token endpoint at " + provider.tokenEndpoint(), "max-response-size")).isTrue();
    }

    // --- item 15 -------------------------------------------------------------------------------------------

    @Test
    void anIdTokenWhosePayloadIsNoJsonObjectIsAFailedLogin() {
        for (String payload : new String[] {"null", "[]", "42", "\"alice\""}) {
            provider.behaviour().tokenEndpointRawResponse(200, "application/json",
                    "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
                            + provider.signRawPayload(payload, "JWT") + "\"}");
            failedLogin(401, "could not be verified");
        }
    }

    @Test
    void aLogoutTokenWhosePayloadIsNoJsonObjectIsA400() {
        for (String payload : new String[] {"null", "[]", "42"}) {
            HttpResponse<String> answer = new TestBrowser().post(app.url("/oidc/backchannel-logout"),
                    Map.of("logout_token", provider.signRawPayload(payload, "logout+jwt")));
            assertThat(answer.statusCode()).as(payload).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("Exception");
        }
    }

    // --- item 16 -------------------------------------------------------------------------------------------

    @Test
    void aJwksAnsweringHtmlIsA503ThenTheFirstLoginAfterRecoverySucceeds() {
        // the keys were fetched at start-up: a rotation makes the next login fetch them again
        provider.rotateKeys();
        provider.behaviour().rawAnswer("jwks", 200, "text/html", "<html><body>Bad gateway</body></html>");
        HttpResponse<String> page = failedLogin(503, "not reachable");
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(logged("JWKS endpoint at " + provider.jwksUri(), "text/html", "not a JSON Web Key Set")).isTrue();
        // a second try while it is still broken: the same provider fault, never "(null)" nor a bad token
        failedLogin(503, "not reachable");
        assertThat(logged("(null)")).isFalse();

        provider.behaviour().rawAnswer("jwks", 0, null, null);
        assertThat(login(new TestBrowser()).statusCode()).isEqualTo(200);
    }

    @Test
    void aJwksAnsweringTruncatedJsonIsA503() {
        // the keys were fetched at start-up: a rotation makes the next login fetch them again
        provider.rotateKeys();
        provider.behaviour().rawAnswer("jwks", 200, "application/json", "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"");
        failedLogin(503, "not reachable");
        provider.behaviour().rawAnswer("jwks", 0, null, null);
        assertThat(login(new TestBrowser()).statusCode()).isEqualTo(200);
    }

    @Test
    void aJwksAnsweringWrongTypedJsonIsA503() {
        // the keys were fetched at start-up: a rotation makes the next login fetch them again
        provider.rotateKeys();
        provider.behaviour().rawAnswer("jwks", 200, "application/json", "{\"keys\":\"none\"}");
        failedLogin(503, "not reachable");
    }

    @Test
    void aJwksOverTheCapIsA502ThenTheFirstLoginAfterRecoverySucceeds() {
        // the keys were fetched at start-up: a rotation makes the next login fetch them again
        provider.rotateKeys();
        provider.behaviour().rawAnswer("jwks", 200, "application/json",
                "{\"keys\":[]," + "\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
        failedLogin(502, "cannot accept");
        assertThat(logged("JWKS endpoint at " + provider.jwksUri(), "max-response-size")).isTrue();
        provider.behaviour().rawAnswer("jwks", 0, null, null);
        assertThat(login(new TestBrowser()).statusCode()).isEqualTo(200);
    }

    @Test
    void aJwksAnsweringAnErrorStatusIsAProviderFault() {
        // the keys were fetched at start-up: a rotation makes the next login fetch them again
        provider.rotateKeys();
        provider.behaviour().rawAnswer("jwks", 404, "text/html", "<html>not found</html>");
        failedLogin(502, "cannot accept");
        provider.behaviour().rawAnswer("jwks", 0, null, null);
        assertThat(login(new TestBrowser()).statusCode()).isEqualTo(200);
    }

    @Test
    void aLogoutTokenMetByABrokenJwksIsA503NotA400() {
        // the keys were fetched at start-up: a rotation makes the next login fetch them again
        provider.rotateKeys();
        provider.behaviour().rawAnswer("jwks", 200, "text/html", "<html>oops</html>");
        HttpResponse<String> answer = new TestBrowser().post(app.url("/oidc/backchannel-logout"),
                Map.of("logout_token", provider.signLogoutToken(provider.logoutTokenClaims().subject("alice").build(),
                        io.github.oidcservlet.testkit.Signing.RS256)));
        assertThat(answer.statusCode()).isEqualTo(503);
    }
}
