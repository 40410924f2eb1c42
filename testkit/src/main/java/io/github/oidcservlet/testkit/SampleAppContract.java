package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample application's published contract (DESIGN.md, "The sample webapp"), over HTTP, against a running
 * sample logged in through this module's {@link TestProvider}. One test class, one subclass per front door
 * (the filter sample, the Jakarta EE sample): each says how to start its application pointed at the provider
 * given by {@link #providerSettings}. New end-to-end expectations (refresh, back-channel logout) belong here, so
 * that they hold for both.
 */
public abstract class SampleAppContract extends SampleAppHarness {

    @Test
    void homePageIsPublicWithALoginLinkAndALogoutLinkOnlyForALoggedInUser() {
        HttpResponse<String> home = new TestBrowser().get(url("/"), NAVIGATION);

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(contentType(home)).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(home.body()).startsWith("<!DOCTYPE html>").contains("href=\"/profile\"")
                .as("no way out for who is not in").doesNotContain("href=\"/oidc/logout\"");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(home.headers().firstValue("Server")).as("no server name in answers").isEmpty();

        HttpResponse<String> signedIn = logIn("dave").get(url("/"), NAVIGATION);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("href=\"/profile\"", "href=\"/oidc/logout\"");
    }

    @Test
    void publicPingAnswersPong() {
        HttpResponse<String> ping = new TestBrowser().get(url("/public/ping"));

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(contentType(ping)).startsWith("text/plain");
        assertThat(ping.body()).isEqualTo("pong");
    }

    @Test
    void apiPathsAnswer401WithoutASessionEvenToABrowserNavigation() {
        for (String path : List.of("/api/ping", "/api/me")) {
            for (String[] headers : List.of(NONE, NAVIGATION)) {
                HttpResponse<String> response = new TestBrowser().get(url(path), headers);

                assertThat(response.statusCode()).as("GET %s %s", path, List.of(headers)).isEqualTo(401);
                assertThat(response.headers().firstValue("WWW-Authenticate")).as("GET %s", path).isPresent();
                assertThat(response.headers().firstValue("Location")).isEmpty();
                assertThat(contentType(response)).startsWith("application/json");
            }
        }
    }

    @Test
    void protectedPagesRedirectABrowserToTheAuthorizationEndpointWithPkce() {
        for (String path : List.of("/profile", "/admin")) {
            HttpResponse<String> response = new TestBrowser().get(url(path), NAVIGATION);

            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(302);
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertThat(location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath())
                    .isEqualTo(provider.authorizationEndpoint().toString());
            assertThat(location.getRawQuery()).contains("response_type=code",
                    "client_id=" + TestProvider.DEFAULT_CLIENT_ID,
                    "redirect_uri=" + URLEncoder.encode(url("/oidc/callback"), StandardCharsets.UTF_8),
                    "state=", "nonce=", "code_challenge=", "code_challenge_method=S256");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> response = new TestBrowser().get(url("/profile"), NAVIGATION);

        assertThat(response.headers().allValues("Set-Cookie")).as("the pending login lives in the session")
                .anySatisfy(cookie -> {
                    assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; HttpOnly");
                    if (serverWritesSameSite()) {
                        assertThat(cookie).containsIgnoringCase("; SameSite=Lax");
                    } else {
                        assertThat(cookie).as("the server learnt SameSite: drop serverWritesSameSite()")
                                .doesNotContainIgnoringCase("SameSite");
                    }
                });
    }

    /**
     * Whether the server writes the {@code SameSite} attribute that {@code web.xml} asks for on its session
     * cookie. A target whose server cannot says so here, and the test checks it still cannot.
     *
     * @return true when the server writes it (the default)
     */
    protected boolean serverWritesSameSite() {
        return true;
    }

    @Test
    void aUserWithoutTheAdminRoleSeesTheirProfileAndJsonButGets403FromTheAdminPage() throws IOException {
        TestBrowser alice = logIn("alice");

        HttpResponse<String> profile = alice.get(url("/profile"), NAVIGATION);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("<strong id=\"name\">alice</strong>", "<tr data-claim=\"sub\">",
                "<tr data-claim=\"groups\">");

        JsonNode me = apiMe(alice);
        assertThat(me.path("name").asText()).isEqualTo("alice");
        assertThat(me.path("roles").toString()).isEqualTo("[\"users\"]");
        assertThat(me.path("claims").path("sub").asText()).isEqualTo("alice");
        assertThat(me.path("claims").path("iss").asText()).isEqualTo(provider.issuer());

        HttpResponse<String> admin = alice.get(url("/admin"), NAVIGATION);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(contentType(admin)).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(admin.body()).contains("Forbidden");
        assertNoStackTrace(admin);

        assertThat(alice.get(url("/api/ping")).body()).isEqualTo("pong");
    }

    @Test
    void aUserWithTheAdminRoleReachesTheAdminPage() throws IOException {
        TestBrowser admin = logIn("admin");

        HttpResponse<String> page = admin.get(url("/admin"), NAVIGATION);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Admin</h1>").doesNotContain("disagree");
        assertThat(apiMe(admin).path("roles").toString()).isEqualTo("[\"admin\",\"users\"]");
    }

    @Test
    void everyClaimIsHtmlEscapedOnTheProfilePage() {
        TestBrowser mallory = logIn("<img src=x onerror=alert(1)>\"'&");

        HttpResponse<String> profile = mallory.get(url("/profile"), NAVIGATION);

        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aForgedCallbackIsRefusedWithAPlainPageAndLogsNobodyIn() {
        TestBrowser browser = new TestBrowser();
        browser.get(url("/profile"), NAVIGATION);

        HttpResponse<String> forged = browser.get(url("/oidc/callback?code=forged&state=forged"), NAVIGATION);

        assertThat(forged.statusCode()).isBetween(400, 499);
        assertThat(contentType(forged)).startsWith("text/html");
        assertNoStackTrace(forged);
        assertThat(browser.get(url("/api/me")).statusCode()).isEqualTo(401);
        assertThat(provider.count("token")).as("a forged code is never redeemed").isZero();
    }

    @Test
    void unknownPathsGetAPlainPageWithoutStackTrace() {
        HttpResponse<String> missing = new TestBrowser().get(url("/public/missing"), NAVIGATION);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(contentType(missing)).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertNoStackTrace(missing);
    }

    @Test
    void logoutEndsTheSessionAndSendsTheBrowserToTheProvidersEndSession() {
        TestBrowser bob = logIn("bob");
        assertThat(bob.get(url("/api/me")).statusCode()).isEqualTo(200);

        // a link of the application's own page: the browser says so (Sec-Fetch-Site)
        HttpResponse<String> logout = bob.get(url("/oidc/logout"), "Accept", "text/html", "Sec-Fetch-Mode",
                "navigate", "Sec-Fetch-Dest", "document", "Sec-Fetch-Site", "same-origin");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow())
                .startsWith(provider.endSessionEndpoint().toString()).contains("id_token_hint=");
        assertThat(bob.get(url("/api/me")).statusCode()).as("after logout").isEqualTo(401);
    }

    @Test
    void theHomePageSaysYouAreLoggedOutWhereTheLogoutLands() {
        TestBrowser henry = logIn("henry");

        // the app's own link, a same-origin navigation; through the provider's end_session back to the root
        HttpResponse<String> landed = henry.follow(henry.get(url("/oidc/logout"), "Accept", "text/html",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "same-origin"), 4);

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getRawPath()).isEqualTo("/");
        assertThat(landed.uri().getRawQuery()).as("the logout's state, back from the provider").startsWith("state=");
        assertThat(landed.body()).contains("href=\"/profile\"").doesNotContain("href=\"/oidc/logout\"");
        if (serverKeepsTheInvalidatedSessionCookie()) {
            assertThat(landed.body()).contains("You are logged out.");
        } else {
            assertThat(landed.body()).as("the server keeps the cookie now: drop serverKeepsTheInvalidatedSessionCookie()")
                    .doesNotContain("You are logged out.");
        }
        assertThat(new TestBrowser().get(landed.uri().toString(), NAVIGATION).body())
                .as("the same address in a browser that logged nobody out").doesNotContain("logged out");
    }

    /**
     * Whether the browser still names the session the logout invalidated when it comes back from the provider: the
     * sample's home page says "You are logged out." only then (a made-up {@code state} alone must not). A target
     * whose server expires the session cookie at invalidation says so here, and the test checks it still does.
     *
     * @return whether this target's server keeps the invalidated session's cookie
     */
    protected boolean serverKeepsTheInvalidatedSessionCookie() {
        return true;
    }

    @Test
    void anAccessTokenNearExpiryIsRefreshedAndTheUserStaysIn() {
        // tokens that live less than the refresh-margin are due at the next request, though still valid
        provider.behaviour().expiresIn(DUE_FOR_REFRESH_SECONDS);
        TestBrowser erin = logIn("erin");
        provider.behaviour().expiresIn(300L);
        HttpResponse<String> me = erin.get(url("/api/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"erin\"");
        int grants = refreshGrants();
        assertThat(grants).as("refresh grants").isPositive();
        // the refreshed token has 300 s left: no further grant
        assertThat(erin.get(url("/api/me")).statusCode()).isEqualTo(200);
        assertThat(refreshGrants()).isEqualTo(grants);
    }

    @Test
    void concurrentRequestsAfterExpiryShareOneRefresh() throws Exception {
        // Due for refresh from the start, yet valid long enough for the login (userinfo, the landing page) on any
        // machine: the margin, not a sleep past a one-second expiry, makes the requests below refresh.
        provider.behaviour().expiresIn(DUE_FOR_REFRESH_SECONDS);
        TestBrowser frank = logIn("frank");
        // slow enough that the requests arrive while the one refresh is under way; the new token is not due
        provider.behaviour().expiresIn(300L).tokenEndpointDelay(java.time.Duration.ofMillis(500));
        // the landing after login may already have refreshed the token once
        int before = refreshGrants();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> frank.get(url("/api/me"))));
            }
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refreshGrants() - before).as("refresh grants for 10 concurrent requests").isEqualTo(1);
    }

    @Test
    void aBackChannelLogoutEndsTheUsersSessionAtOnce() {
        TestBrowser grace = logIn("grace");
        assertThat(grace.get(url("/api/me")).statusCode()).isEqualTo(200);

        String token = provider.signLogoutToken(provider.logoutTokenClaims().subject("grace").build(), Signing.RS256);
        HttpResponse<String> answer = new TestBrowser().post(url("/oidc/backchannel-logout"),
                Map.of("logout_token", token));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(grace.get(url("/api/me")).statusCode()).as("after back-channel logout").isEqualTo(401);
    }

    @Test
    void aForgedBackChannelLogoutIsRefusedAndTheSessionLives() {
        TestBrowser heidi = logIn("heidi");
        String forged = provider.signLogoutToken(provider.logoutTokenClaims().subject("heidi").build(), Signing.FORGED);
        HttpResponse<String> answer = new TestBrowser().post(url("/oidc/backchannel-logout"),
                Map.of("logout_token", forged));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\"");
        assertThat(heidi.get(url("/api/me")).statusCode()).isEqualTo(200);
    }


}
