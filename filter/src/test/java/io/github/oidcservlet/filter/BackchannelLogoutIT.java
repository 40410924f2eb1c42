package io.github.oidcservlet.filter;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Back-channel logout (OpenID Back-Channel Logout 1.0 §2.4–2.8) through the filter. */
class BackchannelLogoutIT extends ProviderAndAppIT {

    TestBrowser aliceA;
    TestBrowser aliceB;
    TestBrowser bob;

    /** Alice in two browsers (provider sessions sid-a and sid-b), Bob in a third (sid-c). */
    @BeforeEach
    void threeLogins() {
        aliceA = logIn("alice", "sid-a");
        aliceB = logIn("alice", "sid-b");
        bob = logIn("bob", "sid-c");
    }

    static TestBrowser logIn(String user, String sid) {
        provider.loginAs(user);
        provider.behaviour().idTokenClaims(claims -> claims.claim("sid", sid));
        TestBrowser browser = new TestBrowser();
        assertThat(LoginFlowIT.navigate(browser, app.url("/profile")).body()).contains("user=" + user);
        return browser;
    }

    static boolean loggedIn(TestBrowser browser) {
        return browser.get(app.url("/api/ping")).statusCode() == 200;
    }

    static HttpResponse<String> send(String logoutToken) {
        return new TestBrowser().post(app.url("/oidc/backchannel-logout"), Map.of("logout_token", logoutToken));
    }

    static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return provider.signLogoutToken(change.apply(provider.logoutTokenClaims()).build(), Signing.RS256);
    }

    @Test
    void logoutTokenWithSidAndSubEndsTheLoginsMatchingEither() {
        assertThat(send(token(c -> c.claim("sid", "sid-c").subject("alice"))).statusCode()).isEqualTo(200);
        assertThat(loggedIn(aliceA)).as("alice, by sub").isFalse();
        assertThat(loggedIn(aliceB)).as("alice, by sub").isFalse();
        assertThat(loggedIn(bob)).as("bob, by sid").isFalse();
    }

    @Test
    void logoutTokenWithSidEndsExactlyThatSession() {
        // a sid alone (with both, the sub's other logins would end too)
        HttpResponse<String> response = send(token(c -> c.claim("sid", "sid-a")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(loggedIn(aliceA)).isFalse();
        assertThat(loggedIn(aliceB)).isTrue();
        assertThat(loggedIn(bob)).isTrue();
    }

    @Test
    void logoutTokenWithOnlySubEndsEverySessionOfThatUserButNotLaterLogins() {
        assertThat(send(token(c -> c.subject("alice"))).statusCode()).isEqualTo(200);
        assertThat(loggedIn(aliceA)).isFalse();
        assertThat(loggedIn(aliceB)).isFalse();
        assertThat(loggedIn(bob)).isTrue();
        TestBrowser again = logIn("alice", "sid-d");
        assertThat(loggedIn(again)).isTrue();
    }

    @Test
    void logoutTokenWithoutTypHeaderIsAcceptedToo() {
        String token = provider.signLogoutToken(provider.logoutTokenClaims().claim("sid", "sid-c").build(),
                Signing.ES256, null);
        assertThat(send(token).statusCode()).isEqualTo(200);
        assertThat(loggedIn(bob)).isFalse();
    }

    @Test
    void everyInvalidLogoutTokenIsRefusedWith400AndNoSessionEnds() {
        Instant now = Instant.now();
        Map<String, String> invalid = new LinkedHashMap<>();
        JWTClaimsSet valid = provider.logoutTokenClaims().claim("sid", "sid-a").subject("alice").build();
        invalid.put("unsigned", provider.signLogoutToken(valid, Signing.NONE));
        invalid.put("forged signature", provider.signLogoutToken(valid, Signing.FORGED));
        invalid.put("HS256 with the RSA public key", provider.signLogoutToken(valid, Signing.HS256_WITH_RSA_PUBLIC_KEY));
        invalid.put("HS256 with the client secret (not configured)",
                provider.signLogoutToken(valid, Signing.HS256_WITH_CLIENT_SECRET));
        invalid.put("typ of an access token", provider.signLogoutToken(valid, Signing.RS256, "at+jwt"));
        invalid.put("wrong iss", token(c -> c.claim("sid", "sid-a").issuer("https://evil.example")));
        invalid.put("wrong aud", token(c -> c.claim("sid", "sid-a").audience("other-client")));
        invalid.put("no iat", token(c -> c.claim("sid", "sid-a").claim("iat", null)));
        invalid.put("iat in the future", token(c -> c.claim("sid", "sid-a").issueTime(Date.from(now.plusSeconds(3600)))));
        invalid.put("iat long ago", token(c -> c.claim("sid", "sid-a").issueTime(Date.from(now.minusSeconds(3600)))));
        invalid.put("expired", token(c -> c.claim("sid", "sid-a").expirationTime(Date.from(now.minusSeconds(600)))));
        invalid.put("no exp", token(c -> c.claim("sid", "sid-a").claim("exp", null)));
        invalid.put("no events", token(c -> c.claim("sid", "sid-a").claim("events", null)));
        invalid.put("events without the logout member",
                token(c -> c.claim("sid", "sid-a").claim("events", Map.of("http://example.com/other", Map.of()))));
        invalid.put("event value not an object", token(c -> c.claim("sid", "sid-a")
                .claim("events", Map.of(TestProvider.BACKCHANNEL_LOGOUT_EVENT, "yes"))));
        invalid.put("neither sid nor sub", token(c -> c));
        invalid.put("with a nonce", token(c -> c.claim("sid", "sid-a").claim("nonce", "n-1")));
        invalid.put("no jti", token(c -> c.claim("sid", "sid-a").claim("jti", null)));
        invalid.put("not a JWT", "abc.def");
        invalid.put("an ID token", provider.signIdToken(new JWTClaimsSet.Builder(valid).claim("events", null)
                .claim("nonce", "n").build(), Signing.RS256));
        for (Map.Entry<String, String> bad : invalid.entrySet()) {
            HttpResponse<String> response = send(bad.getValue());
            assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Cache-Control")).as(bad.getKey()).hasValue("no-store");
            assertThat(response.body()).as(bad.getKey()).contains("\"error\":\"invalid_request\"");
        }
        assertThat(loggedIn(aliceA)).isTrue();
        assertThat(loggedIn(aliceB)).isTrue();
        assertThat(loggedIn(bob)).isTrue();
    }

    @Test
    void aReplayedJtiIsRefused() {
        String once = token(c -> c.claim("sid", "sid-gone"));
        assertThat(send(once).statusCode()).isEqualTo(200);
        // the same jti again, now naming a live session
        String jti = provider.logoutTokenClaims().build().getJWTID();
        String first = token(c -> c.claim("sid", "sid-other").jwtID(jti));
        assertThat(send(first).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = send(token(c -> c.claim("sid", "sid-a").jwtID(jti)));
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("jti");
        assertThat(loggedIn(aliceA)).isTrue();
    }

    @Test
    void malformedRequestsAreRefused() {
        TestBrowser client = new TestBrowser();
        assertThat(client.post(app.url("/oidc/backchannel-logout"), Map.of()).statusCode()).isEqualTo(400);
        assertThat(client.get(app.url("/oidc/backchannel-logout")).statusCode()).isEqualTo(405);
        String valid = token(c -> c.claim("sid", "sid-a"));
        String twice = app.url("/oidc/backchannel-logout?logout_token=" + valid);
        assertThat(client.post(twice, Map.of("logout_token", valid)).statusCode()).isEqualTo(400);
        assertThat(loggedIn(aliceA)).isTrue();
        assertThat(List.of(aliceB, bob)).allMatch(BackchannelLogoutIT::loggedIn);
    }
}
