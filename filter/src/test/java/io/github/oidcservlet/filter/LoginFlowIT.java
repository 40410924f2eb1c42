package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization code flow through the filter on embedded Jetty against the in-process provider. */
class LoginFlowIT extends ProviderAndAppIT {

    TestBrowser browser;

    @BeforeEach
    void freshBrowser() {
        browser = new TestBrowser();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static String sessionCookie(TestBrowser browser) {
        return browser.cookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Navigates like a browser and follows every redirect. */
    static HttpResponse<String> navigate(TestBrowser browser, String url) {
        return browser.follow(browser.get(url, "Accept", "text/html", "Sec-Fetch-Mode", "navigate"), 10);
    }

    @Test
    void browserNavigationIsSentToTheProviderWithStateNonceAndPkce() {
        HttpResponse<String> response = browser.get(app.url("/profile"), "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(provider.authorizationEndpoint().toString());
        Map<String, String> params = query(location);
        assertThat(params).containsEntry("response_type", "code")
                .containsEntry("client_id", TestProvider.DEFAULT_CLIENT_ID)
                .containsEntry("redirect_uri", app.url("/oidc/callback"))
                .containsEntry("scope", "openid profile email")
                .containsEntry("code_challenge_method", "S256");
        // at least 128 bits: 22 base64url characters; we send 256 bits (43 characters)
        assertThat(params.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(params.get("nonce")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(params.get("code_challenge")).hasSize(43);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void eachLoginGetsFreshStateNonceAndChallenge() {
        Map<String, String> first = query(URI.create(browser.get(app.url("/profile")).headers().firstValue("Location").orElseThrow()));
        Map<String, String> second = query(URI.create(browser.get(app.url("/profile")).headers().firstValue("Location").orElseThrow()));
        assertThat(second.get("state")).isNotEqualTo(first.get("state"));
        assertThat(second.get("nonce")).isNotEqualTo(first.get("nonce"));
        assertThat(second.get("code_challenge")).isNotEqualTo(first.get("code_challenge"));
    }

    @Test
    void loginLandsOnTheRequestedPageAsTheUserWithANewSessionId() {
        HttpResponse<String> challenge = browser.get(app.url("/profile?tab=2"), "Accept", "text/html");
        String before = sessionCookie(browser);
        HttpResponse<String> landed = browser.follow(challenge, 10);
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri()).hasToString(app.url("/profile?tab=2"));
        assertThat(landed.body()).contains("user=alice", "authType=OIDC", "admin=false", "roles=[users]",
                "email=alice@example.test", "sub=alice");
        assertThat(before).isNotNull();
        assertThat(sessionCookie(browser)).isNotEqualTo(before);
        // the token endpoint got the PKCE verifier and the client's credentials
        assertThat(provider.count("token")).isEqualTo(1);
    }

    @Test
    void authenticatedRequestsNeedNoFurtherProviderCalls() {
        navigate(browser, app.url("/profile"));
        int calls = provider.count("token") + provider.count("userinfo") + provider.count("jwks");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.get(app.url("/api/ping")).body()).contains("user=alice");
        }
        assertThat(provider.count("token") + provider.count("userinfo") + provider.count("jwks")).isEqualTo(calls);
    }

    @Test
    void adminRoleComesFromTheGroupsClaim() {
        provider.loginAs("admin");
        assertThat(navigate(browser, app.url("/admin")).body()).contains("user=admin", "admin=true");
    }

    @Test
    void publicPathsAreServedWithoutLoginOrSession() {
        HttpResponse<String> response = browser.get(app.url("/public/ping"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("user=null");
        assertThat(sessionCookie(browser)).isNull();
        assertThat(browser.get(app.url("/")).statusCode()).isEqualTo(200);
    }

    @Test
    void publicPathsSeeTheUserOnceLoggedIn() {
        navigate(browser, app.url("/profile"));
        assertThat(browser.get(app.url("/public/ping")).body()).contains("user=alice");
    }

    @Test
    void apiRequestsGet401WithAChallengeInsteadOfARedirect() {
        List<String[]> apiLike = List.of(
                new String[] {"/api/ping"},
                new String[] {"/orders", "Accept", "application/json"},
                new String[] {"/orders", "X-Requested-With", "XMLHttpRequest"},
                new String[] {"/orders", "Sec-Fetch-Mode", "cors"});
        for (String[] request : apiLike) {
            String[] headers = java.util.Arrays.copyOfRange(request, 1, request.length);
            HttpResponse<String> response = browser.get(app.url(request[0]), headers);
            assertThat(response.statusCode()).as(String.join(" ", request)).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        }
        assertThat(provider.count("authorize")).isZero();
    }

    @Test
    void severalTabsMayLogInAtOnce() {
        HttpResponse<String> tab1 = browser.get(app.url("/one"));
        HttpResponse<String> tab2 = browser.get(app.url("/two"));
        HttpResponse<String> landed2 = browser.follow(tab2, 10);
        assertThat(landed2.uri()).hasToString(app.url("/two"));
        HttpResponse<String> landed1 = browser.follow(tab1, 10);
        assertThat(landed1.uri()).hasToString(app.url("/one"));
        assertThat(landed1.body()).contains("user=alice");
    }

    @Test
    void keyRotationAtTheProviderNeedsNoRestart() {
        navigate(browser, app.url("/profile"));
        provider.rotateKeys();
        TestBrowser another = new TestBrowser();
        assertThat(navigate(another, app.url("/profile")).body()).contains("user=alice");
    }

    @Test
    void esSignedTokensAndTokensWithoutKidVerify() {
        provider.behaviour().signing(Signing.ES256);
        assertThat(navigate(browser, app.url("/profile")).body()).contains("user=alice");
        provider.behaviour().signing(Signing.RS256).omitKid(true);
        TestBrowser another = new TestBrowser();
        assertThat(navigate(another, app.url("/profile")).body()).contains("user=alice");
    }

    @Test
    void tokenTypeIsComparedCaseInsensitivelyAndExpiresInIsOptional() {
        provider.behaviour().tokenType("bearer").expiresIn(null);
        assertThat(navigate(browser, app.url("/profile")).body()).contains("user=alice");
    }

    @Test
    void rfc9207IssParameterIsAcceptedWhenCorrect() {
        provider.behaviour().issParameter(true);
        TestApp strict = TestApp.start(TestApp.paramsFor(provider));
        try {
            assertThat(navigate(browser, strict.url("/profile")).body()).contains("user=alice");
        } finally {
            close(strict);
        }
    }

    @Test
    void logoutEndsTheSessionAndGoesToTheProvider() {
        navigate(browser, app.url("/profile"));
        HttpResponse<String> logout = browser.get(app.url("/oidc/logout"), "Sec-Fetch-Site", "same-origin");
        assertThat(logout.statusCode()).isEqualTo(302);
        URI location = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(provider.endSessionEndpoint().toString());
        assertThat(query(location)).containsKey("id_token_hint")
                .containsEntry("client_id", TestProvider.DEFAULT_CLIENT_ID)
                .containsEntry("post_logout_redirect_uri", app.url("/"));
        assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(401);
    }

    @Test
    void backChannelLogoutPathAnswersTheProviderNotALoginRedirect() {
        HttpResponse<String> response = browser.post(app.url("/oidc/backchannel-logout"), Map.of("logout_token", "abc"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).contains("\"error\":\"invalid_request\"");
        assertThat(sessionCookie(browser)).isNull();
    }

    static void close(TestApp app) {
        app.close();
    }
}
