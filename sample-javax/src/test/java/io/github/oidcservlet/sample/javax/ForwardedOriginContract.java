package io.github.oidcservlet.sample.javax;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.SampleAppContract;
import io.github.oidcservlet.testkit.TestBrowser;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample contract, plus what a reverse proxy changes: with the container told to trust {@code X-Forwarded-*}
 * (Tomcat's {@code RemoteIpValve}, Jetty's {@code ForwardedRequestCustomizer}), the redirect URI sent to the
 * provider and the post-logout URI are the browser's origin, not the container's.
 */
abstract class ForwardedOriginContract extends SampleAppContract {

    /** What a TLS-terminating proxy on this machine adds for a browser at {@code https://shop.example.com:8443}. */
    static final String[] FORWARDED = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example.com",
            "X-Forwarded-Port", "8443"};
    static final String EXTERNAL_ORIGIN = "https://shop.example.com:8443";

    @Test
    void behindAProxyTheRedirectUriIsTheBrowsersOrigin() {
        HttpResponse<String> toProvider = new TestBrowser().get(url("/profile"), with(NAVIGATION, FORWARDED));

        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(queryParameter(toProvider, "redirect_uri")).isEqualTo(EXTERNAL_ORIGIN + "/oidc/callback");
    }

    @Test
    void behindAProxyThePostLogoutUriIsTheBrowsersOrigin() {
        TestBrowser ivan = logIn("ivan");

        HttpResponse<String> logout = ivan.get(url("/oidc/logout"), with(new String[] {"Accept", "text/html",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "same-origin"}, FORWARDED));

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(queryParameter(logout, "post_logout_redirect_uri")).isEqualTo(EXTERNAL_ORIGIN + "/");
    }

    static String[] with(String[] headers, String[] more) {
        return Stream.concat(Arrays.stream(headers), Arrays.stream(more)).toArray(String[]::new);
    }

    /** A query parameter of the response's {@code Location}, decoded. */
    static String queryParameter(HttpResponse<String> response, String name) {
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return Arrays.stream(location.getRawQuery().split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + location));
    }
}
