package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.InMemoryHttp;
import io.github.oidcservlet.core.web.WebFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class LogoutConfirmationTest {

    private final AppUrls<InMemoryHttp.Request> urls = new AppUrls<>(InMemoryHttp.HTTP, WebFixtures.config());
    private final LogoutConfirmation<InMemoryHttp.Request, InMemoryHttp.Response> confirmation =
            new LogoutConfirmation<>(InMemoryHttp.HTTP, urls);

    private static InMemoryHttp.Request logout() {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/oidc/logout");
        request.host = "app.example";
        request.port = 8080;
        return request;
    }

    @Test
    void aRequestFromAnotherSiteIsNotIntended() {
        assertThat(confirmation.isIntended(logout().header("Sec-Fetch-Site", "cross-site"))).isFalse();
        assertThat(confirmation.isIntended(logout().header("Sec-Fetch-Site", "same-site"))).isFalse();
        assertThat(confirmation.isIntended(logout().header("Sec-Fetch-Site", "CROSS-SITE"))).isFalse();
    }

    @Test
    void aNavigationFromOwnPagesOrATypedUrlIsIntended() {
        assertThat(confirmation.isIntended(logout().header("Sec-Fetch-Site", "same-origin"))).isTrue();
        assertThat(confirmation.isIntended(logout().header("Sec-Fetch-Site", "none"))).isTrue();
    }

    @Test
    void anOriginDecidesWhenFetchMetadataIsMissing() {
        assertThat(confirmation.isIntended(logout().header("Origin", "http://app.example:8080"))).isTrue();
        assertThat(confirmation.isIntended(logout().header("Origin", "HTTP://APP.EXAMPLE:8080"))).isTrue();
        assertThat(confirmation.isIntended(logout().header("Origin", "http://evil.example:8080"))).isFalse();
        assertThat(confirmation.isIntended(logout().header("Origin", "http://app.example"))).as("other port").isFalse();
        assertThat(confirmation.isIntended(logout().header("Origin", "null"))).as("opaque").isFalse();
    }

    @Test
    void theDefaultPortIsNotPartOfTheOwnOrigin() {
        InMemoryHttp.Request request = logout().header("Origin", "https://app.example");
        request.scheme = "https";
        request.port = 443;
        assertThat(confirmation.isIntended(request)).isTrue();
    }

    @Test
    void aRequestWithNeitherFetchMetadataNorOriginIsNotIntended() {
        assertThat(confirmation.isIntended(logout())).isFalse();
    }

    @Test
    void theConfirmationFormPostsBackWithTheSessionsToken() throws IOException {
        InMemoryHttp.Request first = logout().header("Sec-Fetch-Site", "cross-site");
        InMemoryHttp.Response page = new InMemoryHttp.Response();
        confirmation.ask(first, page, "/oidc/logout");
        String token = (String) InMemoryHttp.HTTP.sessionAttribute(first, LogoutConfirmation.TOKEN_ATTRIBUTE);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(page.body).contains("value=\"" + token + "\"").contains("action=\"/oidc/logout\"");

        InMemoryHttp.Request post = logout().parameter(LogoutConfirmation.TOKEN_PARAMETER, token);
        post.session = first.session;
        post.method = "POST";
        assertThat(confirmation.isIntended(post)).as("the form's POST, no headers").isTrue();

        InMemoryHttp.Request get = logout().parameter(LogoutConfirmation.TOKEN_PARAMETER, token);
        get.session = first.session;
        assertThat(confirmation.isIntended(get)).as("the token in a GET (a link another site made)").isFalse();

        InMemoryHttp.Request forged = logout().parameter(LogoutConfirmation.TOKEN_PARAMETER, token + "x");
        forged.session = first.session;
        forged.method = "POST";
        assertThat(confirmation.isIntended(forged)).isFalse();

        InMemoryHttp.Request otherSession = logout().parameter(LogoutConfirmation.TOKEN_PARAMETER, token);
        otherSession.method = "POST";
        assertThat(confirmation.isIntended(otherSession)).isFalse();
    }

    @Test
    void theConfirmationPageCannotBeFramedOrCached() throws IOException {
        InMemoryHttp.Response page = new InMemoryHttp.Response();
        confirmation.ask(logout(), page, "/app\"><script>/oidc/logout");
        assertThat(page.status).isEqualTo(200);
        assertThat(page.headers).containsEntry("X-Frame-Options", "DENY").containsEntry("Cache-Control", "no-store");
        assertThat(page.headers.get("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.body).doesNotContain("<script>");
    }

    @Test
    void everyConfirmationHasAFreshToken() throws IOException {
        InMemoryHttp.Request request = logout();
        confirmation.ask(request, new InMemoryHttp.Response(), "/oidc/logout");
        Object first = InMemoryHttp.HTTP.sessionAttribute(request, LogoutConfirmation.TOKEN_ATTRIBUTE);
        confirmation.ask(request, new InMemoryHttp.Response(), "/oidc/logout");
        assertThat(InMemoryHttp.HTTP.sessionAttribute(request, LogoutConfirmation.TOKEN_ATTRIBUTE)).isNotEqualTo(first);
    }
}
