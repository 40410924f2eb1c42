package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.internal.web.SessionStore;
import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.OidcLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class OidcWebAdapterTest {

    private final TestClock clock = new TestClock();
    private final OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = WebFixtures.adapter(clock);
    private final InMemoryHttp.Response response = new InMemoryHttp.Response();

    @AfterEach
    void closeEngine() {
        adapter.engine().close();
    }

    private InMemoryHttp.Request loggedIn(String path) {
        InMemoryHttp.Request request = new InMemoryHttp.Request(path);
        InMemoryHttp.HTTP.setSessionAttribute(request, SessionStore.SESSION_ATTRIBUTE,
                WebFixtures.login(clock, 3600, "refresh.token.value"));
        return request;
    }

    @Test
    void routesTheOwnPathsAndPublicPaths() {
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> withPublic =
                WebFixtures.adapter(clock, "public-paths", "/public/*");
        try {
            assertThat(withPublic.route(new InMemoryHttp.Request("/oidc/callback"))).isEqualTo(Route.CALLBACK);
            assertThat(withPublic.route(new InMemoryHttp.Request("/oidc/logout"))).isEqualTo(Route.LOGOUT);
            assertThat(withPublic.route(new InMemoryHttp.Request("/oidc/backchannel-logout")))
                    .isEqualTo(Route.BACKCHANNEL_LOGOUT);
            InMemoryHttp.Request split = new InMemoryHttp.Request("/public");
            split.pathInfo = "/ping";
            assertThat(withPublic.route(split)).isEqualTo(Route.PUBLIC);
            assertThat(withPublic.route(new InMemoryHttp.Request("/profile"))).isEqualTo(Route.PROTECTED);
        } finally {
            withPublic.engine().close();
        }
    }

    @Test
    void callbackWhoseParametersTheContainerCannotParseIsA400NotA500() throws IOException {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/oidc/callback");
        request.query = "state=%zz&code=%";
        request.refuseParameters = true;
        adapter.callback(request, response);
        assertThat(response.status).isEqualTo(400);
        assertThat(response.body).contains("Bad request").doesNotContain("Exception");
        assertThat(response.committed).isTrue();
    }

    @Test
    void logoutWhoseParametersTheContainerCannotParseIsA400() throws IOException {
        InMemoryHttp.Request request = loggedIn("/oidc/logout");
        request.refuseParameters = true;
        adapter.logout(request, response);
        assertThat(response.status).isEqualTo(400);
        assertThat(response.committed).isTrue();
        assertThat(adapter.sessions().find(request)).as("still logged in").isNotNull();
    }

    @Test
    void backchannelLogoutWhoseBodyTheContainerCannotParseIsA400InJson() throws IOException {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/oidc/backchannel-logout");
        request.method = "POST";
        request.refuseParameters = true;
        adapter.backchannelLogout(request, response);
        assertThat(response.status).isEqualTo(400);
        assertThat(response.contentType).isEqualTo("application/json");
        assertThat(response.body).contains("\"error\":\"invalid_request\"");
        assertThat(response.headers).containsEntry("Cache-Control", "no-store");
        assertThat(response.committed).isTrue();
    }

    @Test
    void aChallengeRedirectIsCommitted() throws IOException {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/profile");
        adapter.challenge(request, response, adapter.renew(request));
        assertThat(response.status).isEqualTo(302);
        assertThat(response.headers.get("Location")).startsWith("https://op.example.com/auth?");
        assertThat(response.committed).as("committed before a mechanism returns SEND_CONTINUE").isTrue();
    }

    @Test
    void aChallengeOfAnApiCallIsA401AndCommitted() throws IOException {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/api/me");
        adapter.challenge(request, response, adapter.renew(request));
        assertThat(response.status).isEqualTo(401);
        assertThat(response.headers).containsKey("WWW-Authenticate");
        assertThat(response.committed).isTrue();
    }

    @Test
    void aFailedCallbackIsCommitted() throws IOException {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/oidc/callback").parameter("state", "unknown")
                .parameter("code", "c");
        adapter.callback(request, response);
        assertThat(response.status).isBetween(400, 499);
        assertThat(response.committed).isTrue();
    }

    @Test
    void aLogoutRedirectIsCommitted() throws IOException {
        InMemoryHttp.Request request = loggedIn("/oidc/logout").header("Sec-Fetch-Site", "same-origin");
        adapter.logout(request, response);
        assertThat(response.status).isEqualTo(302);
        assertThat(response.headers.get("Location")).startsWith("https://op.example.com/logout?").contains("state=");
        assertThat(request.session(false)).as("the session ended").isNull();
        assertThat(response.committed).isTrue();
    }

    @Test
    void aLogoutConfirmationPageIsCommitted() throws IOException {
        InMemoryHttp.Request request = loggedIn("/oidc/logout").header("Sec-Fetch-Site", "cross-site");
        adapter.logout(request, response);
        assertThat(response.status).isEqualTo(200);
        assertThat(response.body).contains("Log out?");
        assertThat(response.committed).isTrue();
    }

    @Test
    void anActiveLoginIsFoundWithoutRenewal() {
        InMemoryHttp.Request request = loggedIn("/profile");
        assertThat(adapter.activeLogin(request)).isNotNull();
        assertThat(adapter.activeLogin(new InMemoryHttp.Request("/profile"))).isNull();
    }

    @Test
    void renewalOfNoLoginIsEnded() {
        assertThat(adapter.renew(new InMemoryHttp.Request("/profile"))).isEqualTo(Renewal.ENDED);
    }

    @Test
    void anExpiredLoginWithoutRefreshTokenIsReauthenticatedWithIdTokenHint() throws IOException {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/profile");
        OidcLogin expired = WebFixtures.login(clock, -1, null);
        InMemoryHttp.HTTP.setSessionAttribute(request, SessionStore.SESSION_ATTRIBUTE, expired);
        assertThat(adapter.activeLogin(request)).isNull();
        Renewal renewal = adapter.renew(request);
        assertThat(renewal).isEqualTo(new Renewal.Reauthenticate(expired));
        adapter.challenge(request, response, renewal);
        assertThat(response.status).isEqualTo(302);
        assertThat(response.headers.get("Location")).contains("id_token_hint=id.token.value");
    }

    @Test
    void aLoginWithinTheRefreshMarginWhoseProviderIsUnreachableServesWhileItsTokenIsValid() {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/profile");
        OidcLogin nearlyExpired = WebFixtures.login(clock, 5, null);
        InMemoryHttp.HTTP.setSessionAttribute(request, SessionStore.SESSION_ATTRIBUTE, nearlyExpired);
        assertThat(adapter.activeLogin(request)).as("inside refresh-margin").isNull();
        assertThat(adapter.renew(request)).isEqualTo(new Renewal.Active(nearlyExpired));
    }

    @Test
    void anExpiredLoginWhoseProviderIsUnreachableIsUnavailable() {
        // nothing listens on port 1: the refresh fails at once, as with a provider that is down
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> providerDown =
                WebFixtures.adapter(clock, "token-endpoint", "http://127.0.0.1:1/token");
        try {
            InMemoryHttp.Request request = new InMemoryHttp.Request("/profile");
            InMemoryHttp.HTTP.setSessionAttribute(request, SessionStore.SESSION_ATTRIBUTE,
                    WebFixtures.login(clock, -1, "refresh.token.value"));
            assertThat(providerDown.renew(request)).isEqualTo(Renewal.UNAVAILABLE);
            assertThat(providerDown.sessions().find(request)).as("kept for when the provider is back").isNotNull();
        } finally {
            providerDown.engine().close();
        }
    }

    @Test
    void aChallengeAfterAnUnavailableRenewalIsA503WithRetryAfter() throws IOException {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/profile");
        adapter.challenge(request, response, Renewal.UNAVAILABLE);
        assertThat(response.status).isEqualTo(503);
        assertThat(response.headers).containsEntry("Retry-After", "10");
        assertThat(response.committed).isTrue();
    }
}
