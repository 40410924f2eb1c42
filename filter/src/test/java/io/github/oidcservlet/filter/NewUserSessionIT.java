package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user never inherits the previous user's application data (the app keeps {@code owner} in the HTTP
 * session), a back-channel logout destroys the whole RP session (Back-Channel Logout 1.0 §2.7) and revokes the
 * ended login's tokens, and the same user logging in again keeps the application's session.
 */
class NewUserSessionIT extends ProviderAndAppIT {

    TestBrowser browser;

    @BeforeEach
    void freshBrowser() {
        browser = new TestBrowser();
    }

    /** Logs {@code user} in (provider session {@code sid}) and lets the app remember {@code owner=user}. */
    void logInAndRemember(String user, String sid) {
        provider.loginAs(user);
        provider.behaviour().idTokenClaims(claims -> claims.claim("sid", sid));
        assertThat(LoginFlowIT.navigate(browser, app.url("/profile")).body()).contains("user=" + user);
        assertThat(browser.get(app.url("/profile?owner=" + user)).body()).contains("owner=" + user);
    }

    /** A login started now in this browser and completed later (another tab): the provider's redirect. */
    HttpResponse<String> startLogin() {
        HttpResponse<String> redirect = browser.get(app.url("/profile"), "Accept", "text/html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        return redirect;
    }

    HttpResponse<String> finishLogin(HttpResponse<String> started, String user) {
        provider.loginAs(user);
        return browser.follow(started, 10);
    }

    String sessionId() {
        return browser.cookies().stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
                .findFirst().orElseThrow();
    }

    static int backchannelLogout(String sid) {
        String token = provider.signLogoutToken(provider.logoutTokenClaims().claim("sid", sid).build(),
                Signing.RS256);
        return new TestBrowser().post(app.url("/oidc/backchannel-logout"), Map.of("logout_token", token)).statusCode();
    }

    @Test
    void afterABackChannelLogoutOfAliceBobLogsInWithTheSameCookiesAndSeesNothingOfHers() throws Exception {
        logInAndRemember("alice", "sid-alice");
        assertThat(backchannelLogout("sid-alice")).isEqualTo(200);
        provider.loginAs("bob");
        provider.behaviour().idTokenClaims(claims -> claims.claim("sid", "sid-bob"));
        HttpResponse<String> bob = LoginFlowIT.navigate(browser, app.url("/profile"));
        assertThat(bob.body()).contains("user=bob", "owner=null");
        // Alice's tokens are revoked in the background; wait, so the next test's record starts empty
        assertThat(LogoutIT.revocations(2)).hasSize(2);
    }

    @Test
    void aBackChannelLogoutEndsTheWholeHttpSessionAtItsNextRequest() throws Exception {
        logInAndRemember("alice", "sid-alice");
        assertThat(backchannelLogout("sid-alice")).isEqualTo(200);
        // a public page: no login follows, and the application's data is gone with the session
        HttpResponse<String> next = browser.get(app.url("/public/page"));
        assertThat(next.body()).contains("user=null", "owner=null");
        assertThat(LogoutIT.revocations(2)).hasSize(2);
    }

    @Test
    void aBackChannelLogoutRevokesTheEndedLoginsRefreshTokenWhenItsSessionIsNextSeen() throws Exception {
        logInAndRemember("alice", "sid-alice");
        assertThat(backchannelLogout("sid-alice")).isEqualTo(200);
        browser.get(app.url("/public/page"));
        List<RecordedRequest> revoked = LogoutIT.revocations(2);
        assertThat(revoked).extracting(r -> r.form("token_type_hint")).contains("refresh_token");
        // a second request of the ended session revokes nothing more
        browser.get(app.url("/public/page"));
        assertThat(LogoutIT.revocations(3)).hasSize(2);
    }

    @Test
    void aLoginGrantedWithOfflineAccessIsNotRevokedByABackChannelLogout() throws Exception {
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("scopes", "openid profile offline_access");
        TestApp offline = TestApp.start(params);
        try {
            provider.behaviour().idTokenClaims(claims -> claims.claim("sid", "sid-offline"));
            assertThat(LoginFlowIT.navigate(browser, offline.url("/profile")).body()).contains("user=alice");
            String token = provider.signLogoutToken(provider.logoutTokenClaims().claim("sid", "sid-offline").build(),
                    Signing.RS256);
            assertThat(new TestBrowser().post(offline.url("/oidc/backchannel-logout"), Map.of("logout_token", token))
                    .statusCode()).isEqualTo(200);
            assertThat(browser.get(offline.url("/api/ping")).statusCode()).isEqualTo(401);
            assertThat(LogoutIT.revocations(1)).isEmpty();
        } finally {
            offline.close();
        }
    }

    @Test
    void aSecondLoginOfAnotherSubjectInTheSameSessionStartsFromAnEmptySession() {
        HttpResponse<String> otherTab = startLogin();
        logInAndRemember("alice", "sid-alice");
        HttpResponse<String> bob = finishLogin(otherTab, "bob");
        assertThat(bob.body()).contains("user=bob", "owner=null");
    }

    @Test
    void anotherSubjectWithTheSameNameIsAnotherUser() {
        // OIDC Core §5.7: preferred_username is not unique; iss+sub decide
        provider.user("alice-too", Map.of("preferred_username", "alice"));
        HttpResponse<String> otherTab = startLogin();
        logInAndRemember("alice", "sid-alice");
        HttpResponse<String> namesake = finishLogin(otherTab, "alice-too");
        assertThat(namesake.body()).contains("user=alice", "sub=alice-too", "owner=null");
    }

    @Test
    void aReauthenticationWithIdTokenHintThatComesBackWithAnotherSubjectIsANewUser() {
        MovableClock clock = new MovableClock();
        TestApp clocked = TestApp.start(TestApp.paramsFor(provider), clock);
        try {
            // 20 s access tokens and no refresh token: once they expire the login re-authenticates
            provider.behaviour().issueRefreshToken(false).expiresIn(20L);
            assertThat(LoginFlowIT.navigate(browser, clocked.url("/profile")).body()).contains("user=alice");
            assertThat(browser.get(clocked.url("/profile?owner=alice")).body()).contains("owner=alice");
            clock.advance(Duration.ofSeconds(25));
            provider.behaviour().expiresIn(300L);
            provider.loginAs("bob");
            HttpResponse<String> bob = LoginFlowIT.navigate(browser, clocked.url("/profile"));
            List<RecordedRequest> authorize = provider.requests("authorize");
            assertThat(authorize.get(authorize.size() - 1).query("id_token_hint")).isNotEmpty();
            assertThat(bob.body()).contains("user=bob", "owner=null");
        } finally {
            clocked.close();
        }
    }

    @Test
    void theSameUserLoggingInAgainKeepsTheApplicationsDataUnderANewSessionId() {
        HttpResponse<String> otherTab = startLogin();
        logInAndRemember("alice", "sid-alice");
        String before = sessionId();
        HttpResponse<String> again = finishLogin(otherTab, "alice");
        assertThat(again.body()).contains("user=alice", "owner=alice");
        assertThat(sessionId()).isNotEqualTo(before);
    }

    @Test
    void afterARefusedRefreshTheNextLoginStartsFromAnEmptySessionEvenForTheSameUser() {
        provider.behaviour().expiresIn(20L);
        logInAndRemember("alice", "sid-alice");
        provider.behaviour().tokenEndpointError(400, "invalid_grant", "refresh token revoked");
        assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(401);
        provider.behaviour().tokenEndpointError(400, null, null).expiresIn(300L);
        HttpResponse<String> again = LoginFlowIT.navigate(browser, app.url("/profile"));
        assertThat(again.body()).contains("user=alice", "owner=null");
    }
}
