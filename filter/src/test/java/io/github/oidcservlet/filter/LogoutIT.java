package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** RP-initiated logout (OpenID RP-Initiated Logout 1.0), token revocation (RFC 7009) and the logout CSRF rule. */
class LogoutIT extends ProviderAndAppIT {

    TestBrowser browser;

    @BeforeEach
    void logIn() {
        browser = new TestBrowser();
        assertThat(LoginFlowIT.navigate(browser, app.url("/profile")).body()).contains("user=alice");
    }

    String appOrigin() {
        URI uri = URI.create(app.url("/"));
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    boolean loggedIn() {
        return browser.get(app.url("/api/ping")).statusCode() == 200;
    }

    /** Waits (bounded) for the background revocation calls; no assertion about their speed. */
    static List<RecordedRequest> revocations(int expected) throws InterruptedException {
        for (int i = 0; i < 100 && provider.count("revoke") < expected; i++) {
            Thread.sleep(50);
        }
        return provider.requests("revoke");
    }

    @Test
    void linkFromTheAppLogsOutRevokesBothTokensAndGoesToTheEndSessionEndpoint() throws Exception {
        HttpResponse<String> logout = browser.get(app.url("/oidc/logout"), "Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Mode", "navigate");
        assertThat(logout.statusCode()).isEqualTo(302);
        URI location = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(provider.endSessionEndpoint().toString());
        Map<String, String> params = LoginFlowIT.query(location);
        assertThat(params).containsKeys("id_token_hint", "state")
                .containsEntry("client_id", TestProvider.DEFAULT_CLIENT_ID)
                .containsEntry("post_logout_redirect_uri", app.url("/"));
        assertThat(loggedIn()).isFalse();

        List<RecordedRequest> revoked = revocations(2);
        assertThat(revoked).extracting(r -> r.form("token_type_hint")).containsExactly("refresh_token", "access_token");
        assertThat(revoked).allSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Basic "));
        assertThat(revoked.get(0).form("token")).isNotEmpty();

        // the provider's end-session endpoint sends the browser back to the post-logout page with our state
        HttpResponse<String> back = browser.follow(logout, 3);
        assertThat(back.uri().toString()).startsWith(app.url("/")).contains("state=" + params.get("state"));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("user=null");
    }

    @Test
    void sameOriginPostLogsOut() {
        HttpResponse<String> logout = browser.post(app.url("/oidc/logout"), Map.of(), "Origin", appOrigin());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(loggedIn()).isFalse();
    }

    @Test
    void crossSiteNavigationGetsAConfirmationPageAndTheUserStaysIn() {
        HttpResponse<String> page = browser.get(app.url("/oidc/logout"), "Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Mode", "navigate");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "Log out?");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(loggedIn()).isTrue();
        assertThat(provider.count("revoke")).isZero();
    }

    @Test
    void postFromAForeignOriginGetsAConfirmationPageWhoseButtonLogsOut() {
        HttpResponse<String> page = browser.post(app.url("/oidc/logout"), Map.of(), "Origin", "https://evil.example");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(loggedIn()).isTrue();
        // a forged token does not help the other site
        HttpResponse<String> forged = browser.post(app.url("/oidc/logout"), Map.of("confirm", "guess"));
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(loggedIn()).isTrue();

        Matcher token = Pattern.compile("name=\"confirm\" value=\"([^\"]+)\"").matcher(forged.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> confirmed = browser.post(app.url("/oidc/logout"), Map.of("confirm", token.group(1)),
                "Origin", appOrigin());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(loggedIn()).isFalse();
    }

    @Test
    void aGetWithNeitherSecFetchSiteNorOriginGetsTheConfirmationPage() throws Exception {
        // older Safari, webviews, another site's <img src>: nothing tells who triggered it
        HttpResponse<String> page = browser.get(app.url("/oidc/logout"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "Log out?");
        assertThat(loggedIn()).isTrue();
        assertThat(provider.count("revoke")).isZero();
        // its button still logs out, though such a browser sends no Origin with the POST either
        Matcher token = Pattern.compile("name=\"confirm\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        assertThat(browser.post(app.url("/oidc/logout"), Map.of("confirm", token.group(1))).statusCode())
                .isEqualTo(302);
        assertThat(loggedIn()).isFalse();
        // the background revocations end here, not in the next test's record
        assertThat(revocations(2)).hasSize(2);
    }

    @Test
    void withoutEndSessionEndpointLogoutGoesToThePostLogoutRedirectUri() {
        provider.behaviour().advertiseEndSession(false).advertiseRevocation(false);
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("post-logout-redirect-uri", "/public/bye");
        TestApp plain = TestApp.start(params);
        try {
            TestBrowser other = new TestBrowser();
            LoginFlowIT.navigate(other, plain.url("/profile"));
            HttpResponse<String> logout = other.get(plain.url("/oidc/logout"), "Sec-Fetch-Site", "same-origin");
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(logout.headers().firstValue("Location")).hasValue(plain.url("/public/bye"));
            assertThat(other.get(plain.url("/api/ping")).statusCode()).isEqualTo(401);
            assertThat(provider.count("revoke")).isZero();
        } finally {
            plain.close();
        }
    }
}
