package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several provider registrations in one application: each its own redirect URI, the chooser, {@code ?provider=},
 * the 401 challenge, logout and back-channel logout at the login's own provider, one provider down.
 */
class SeveralProvidersIT {

    @RegisterExtension
    static final TestProviderExtension honestProvider = TestProviderExtension.create();
    @RegisterExtension
    static final TestProviderExtension otherProvider = TestProviderExtension.create();
    static TestProvider honest;
    static TestProvider other;
    static TestApp app;

    TestBrowser browser;

    @BeforeAll
    static void start() {
        honest = honestProvider.get();
        other = otherProvider.get();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("providers", "honest,other,down");
        params.put("public-paths", "/,/public/*");
        for (Map.Entry<String, TestProvider> named : Map.of("honest", honest, "other", other).entrySet()) {
            params.put(named.getKey() + ".issuer", named.getValue().issuer());
            params.put(named.getKey() + ".client-id", TestProvider.DEFAULT_CLIENT_ID);
            params.put(named.getKey() + ".client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
        }
        params.put("honest.display-name", "Honest <Corp> & Co");
        params.put("other.paths", "/other/*");
        // nothing listens on port 9 (discard): a provider that is down from the start
        params.put("down.issuer", "http://127.0.0.1:9");
        params.put("down.client-id", "c");
        params.put("connect-timeout", "1");
        app = TestApp.start(params);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void freshBrowser() {
        browser = new TestBrowser();
        // each provider knows the client with its registration's redirect URI only (RFC 9700 §4.4.2)
        honest.client(TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET, app.url("/oidc/callback/honest"));
        other.client(TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET, app.url("/oidc/callback/other"));
    }

    static HttpResponse<String> navigate(TestBrowser browser, String url) {
        return browser.get(url, "Accept", "text/html", "Sec-Fetch-Mode", "navigate");
    }

    @Test
    void aProtectedPageWithoutAChoiceShowsTheChooserWithOneEscapedLinkPerRegistration() {
        HttpResponse<String> chooser = navigate(browser, app.url("/profile?tab=2"));

        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(chooser.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String back = URLEncoder.encode(TestApp.CONTEXT + "/profile?tab=2", StandardCharsets.UTF_8);
        assertThat(chooser.body()).contains("<html lang=\"en\">", "<h1>Log in</h1>",
                "<a href=\"/app/oidc/login?provider=honest&amp;return=" + back + "\">Log in with Honest &lt;Corp&gt; &amp; Co</a>",
                "<a href=\"/app/oidc/login?provider=other&amp;return=" + back + "\">Log in with other</a>",
                "Log in with down");
        assertThat(LoginFlowIT.sessionCookie(browser)).as("choosing needs no session").isNull();
    }

    @Test
    void aLoginThroughEachProviderFromTheChooserLandsOnThePageFirstAskedFor() {
        for (TestProvider provider : new TestProvider[] {honest, other}) {
            TestBrowser user = new TestBrowser();
            String name = provider == honest ? "honest" : "other";
            provider.loginAs(provider == honest ? "alice" : "bob");
            HttpResponse<String> chooser = navigate(user, app.url("/profile?tab=2"));
            String link = chooser.body().replaceAll("(?s).*<a href=\"([^\"]*provider=" + name + "[^\"]*)\".*", "$1")
                    .replace("&amp;", "&");

            HttpResponse<String> toProvider = user.get(app.url(link.substring(TestApp.CONTEXT.length())));
            assertThat(toProvider.headers().firstValue("Location").orElseThrow())
                    .startsWith(provider.authorizationEndpoint().toString())
                    .contains("redirect_uri=" + URLEncoder.encode(app.url("/oidc/callback/" + name), StandardCharsets.UTF_8));
            HttpResponse<String> landed = user.follow(toProvider, 10);

            assertThat(landed.uri()).hasToString(app.url("/profile?tab=2"));
            assertThat(landed.body()).contains("user=" + (provider == honest ? "alice" : "bob"));
            assertThat(user.lastHops()).anyMatch(hop -> hop.getPath().equals(TestApp.CONTEXT + "/oidc/callback/" + name));
            assertThat(provider.count("token")).isEqualTo(1);
        }
    }

    @Test
    void providerInTheQueryOfAProtectedPageGoesStraightToThatProvider() {
        HttpResponse<String> response = navigate(browser, app.url("/profile?provider=other"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(other.authorizationEndpoint().toString());
        assertThat(browser.follow(response, 10).body()).contains("user=alice", "path=/app/profile");
    }

    @Test
    void aPathRuleGoesStraightToItsProvider() {
        HttpResponse<String> response = navigate(browser, app.url("/other/reports"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(other.authorizationEndpoint().toString());
    }

    @Test
    void theLoginPathWithAnUnknownProviderShowsTheChooserAs400() {
        HttpResponse<String> response = navigate(browser, app.url("/oidc/login?provider=%3Cevil%3E"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no identity provider named &#39;&lt;evil&gt;&#39;", "Log in with other")
                .doesNotContain("<evil>");
    }

    @Test
    void anApiRequestGets401WithTheLoginUrlOfEveryRegistration() {
        HttpResponse<String> response = browser.get(app.url("/api/ping"), "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        String base = app.url("");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "OIDC realm=\"test-client\", provider=\"honest\", login=\"" + base + "/oidc/login?provider=honest\", "
                + "OIDC realm=\"test-client\", provider=\"other\", login=\"" + base + "/oidc/login?provider=other\", "
                + "OIDC realm=\"c\", provider=\"down\", login=\"" + base + "/oidc/login?provider=down\"");
    }

    @Test
    void oneProviderDownLeavesTheOthersLoginsWorking() {
        HttpResponse<String> down = navigate(browser, app.url("/oidc/login?provider=down"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> landed = browser.follow(navigate(browser, app.url("/oidc/login?provider=honest&return=/app/api/ping")), 10);
        assertThat(landed.body()).contains("user=alice", "path=/app/api/ping");
    }

    @Test
    void aLoginIsRefreshedAtItsOwnProviderOnly() {
        // an access token of 20 s is within the 30 s refresh-margin at once: the next request refreshes it
        other.behaviour().expiresIn(20L);
        browser.follow(navigate(browser, app.url("/profile?provider=other")), 10);
        other.behaviour().expiresIn(300L);

        assertThat(browser.get(app.url("/api/ping")).body()).contains("user=alice");

        assertThat(other.requests("token")).filteredOn(r -> "refresh_token".equals(r.form("grant_type"))).isNotEmpty();
        assertThat(honest.count("token")).isZero();
    }

    @Test
    void logoutGoesToTheEndSessionEndpointOfTheLoginsOwnProvider() {
        browser.follow(navigate(browser, app.url("/profile?provider=other")), 10);

        HttpResponse<String> logout = browser.get(app.url("/oidc/logout"), "Sec-Fetch-Site", "same-origin");

        assertThat(logout.headers().firstValue("Location").orElseThrow()).startsWith(other.endSessionEndpoint().toString());
    }

    @Test
    void aBackChannelLogoutEndsLoginsOfItsOwnRegistrationOnly() {
        honest.behaviour().idTokenClaims(claims -> claims.claim("sid", "sid-1"));
        other.behaviour().idTokenClaims(claims -> claims.claim("sid", "sid-1"));
        TestBrowser atOther = new TestBrowser();
        browser.follow(navigate(browser, app.url("/profile?provider=honest")), 10);
        atOther.follow(navigate(atOther, app.url("/profile?provider=other")), 10);
        String otherToken = other.signLogoutToken(other.logoutTokenClaims().claim("sid", "sid-1").build(), Signing.RS256);

        // the other provider's token is no token of the honest registration (its issuer and keys)
        HttpResponse<String> refused = new TestBrowser().post(app.url("/oidc/backchannel-logout/honest"),
                Map.of("logout_token", otherToken));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(200);

        // at its own path it ends the other registration's login with that sid, and not the honest one's
        assertThat(new TestBrowser().post(app.url("/oidc/backchannel-logout/other"), Map.of("logout_token", otherToken))
                .statusCode()).isEqualTo(200);
        assertThat(atOther.get(app.url("/api/ping")).statusCode()).isEqualTo(401);
        assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(200);
    }

    static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }
}
