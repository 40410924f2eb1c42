package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.InMemoryHttp;
import io.github.oidcservlet.core.web.WebFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppUrlsTest {

    private final AppUrls<InMemoryHttp.Request> urls = new AppUrls<>(InMemoryHttp.HTTP, WebFixtures.config());

    private static InMemoryHttp.Request request(String scheme, String host, int port, String contextPath) {
        InMemoryHttp.Request request = new InMemoryHttp.Request("/profile");
        request.scheme = scheme;
        request.host = host;
        request.port = port;
        request.contextPath = contextPath;
        return request;
    }

    @Test
    void anIpv6HostIsBracketed() {
        assertThat(urls.base(request("http", "::1", 8080, ""))).isEqualTo("http://[::1]:8080");
        assertThat(urls.base(request("https", "2001:db8::7", 443, "/app"))).isEqualTo("https://[2001:db8::7]/app");
        assertThat(urls.base(request("http", "[::1]", 8080, ""))).as("already bracketed").isEqualTo("http://[::1]:8080");
    }

    @Test
    void defaultPortsAreLeftOut() {
        assertThat(urls.base(request("http", "app.example", 80, ""))).isEqualTo("http://app.example");
        assertThat(urls.base(request("https", "app.example", 443, ""))).isEqualTo("https://app.example");
        assertThat(urls.base(request("http", "app.example", 443, ""))).isEqualTo("http://app.example:443");
        assertThat(urls.base(request("https", "app.example", 80, ""))).isEqualTo("https://app.example:80");
        assertThat(urls.base(request("http", "app.example", -1, ""))).isEqualTo("http://app.example");
    }

    @Test
    void theRedirectUriIsTheBaseWithTheRedirectPath() {
        assertThat(urls.redirectUri(request("http", "127.0.0.1", 8080, "/shop")))
                .isEqualTo("http://127.0.0.1:8080/shop/oidc/callback");
    }

    @Test
    void baseUrlWinsOverTheRequestAndLosesItsTrailingSlash() {
        AppUrls<InMemoryHttp.Request> behindProxy = new AppUrls<>(InMemoryHttp.HTTP,
                WebFixtures.config("base-url", "https://www.example.com/shop/"));
        InMemoryHttp.Request internal = request("http", "10.0.0.7", 8080, "/internal");
        assertThat(behindProxy.base(internal)).isEqualTo("https://www.example.com/shop");
        assertThat(behindProxy.redirectUri(internal)).isEqualTo("https://www.example.com/shop/oidc/callback");
        assertThat(behindProxy.postLogoutRedirectUri(internal)).isEqualTo("https://www.example.com/shop/");
    }

    @Test
    void thePostLogoutUriIsTheRootARelativePathOrAnAbsoluteUri() {
        InMemoryHttp.Request request = request("http", "app.example", 80, "/app");
        assertThat(urls.postLogoutRedirectUri(request)).isEqualTo("http://app.example/app/");
        AppUrls<InMemoryHttp.Request> relative = new AppUrls<>(InMemoryHttp.HTTP,
                WebFixtures.config("post-logout-redirect-uri", "/bye"));
        assertThat(relative.postLogoutRedirectUri(request)).isEqualTo("http://app.example/app/bye");
        AppUrls<InMemoryHttp.Request> absolute = new AppUrls<>(InMemoryHttp.HTTP,
                WebFixtures.config("post-logout-redirect-uri", "https://www.example.com/bye"));
        assertThat(absolute.postLogoutRedirectUri(request)).isEqualTo("https://www.example.com/bye");
    }

    @Test
    void theRequestsOwnUrlsKeepTheQueryAndTheContextPath() {
        InMemoryHttp.Request request = request("http", "app.example", 80, "/app");
        request.servletPath = "/api";
        request.pathInfo = "/me";
        request.query = "a=1&b=%20";
        assertThat(urls.path(request)).isEqualTo("/api/me");
        assertThat(urls.requestedUrl(request)).isEqualTo("/app/api/me?a=1&b=%20");
        assertThat(urls.root(request)).isEqualTo("/app/");
        InMemoryHttp.Request root = request("http", "app.example", 80, "");
        root.servletPath = "";
        assertThat(urls.path(root)).isEqualTo("/");
    }
}
