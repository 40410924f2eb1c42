package io.github.oidcservlet.sample.javax;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shared sample contract against {@code oidc-servlet-sample-javax.war} on Jetty 10 (Servlet 4.0), in a JVM of
 * its own started from {@code src/test/jetty10/jetty.xml}: the WAR at the root for the contract, and the same WAR
 * under {@code /shop} for a context path other than the root. Jetty 10 writes no {@code SameSite} for Servlet 4.0's
 * {@code web.xml}: the filter adds it ({@code session-cookie-same-site}).
 */
class Jetty10WarContractIT extends ForwardedOriginContract {

    private static final Pattern STARTED = Pattern.compile("Started ServerConnector@.*\\{127\\.0\\.0\\.1:(\\d+)}");

    private ServerProcess server;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        String classPath = System.getProperty("jetty10.lib") + File.separator + "*";
        server = ServerProcess.java("jetty10", List.of("-cp", classPath, "org.eclipse.jetty.xml.XmlConfiguration",
                "war=" + System.getProperty("sample.javax.war"), System.getProperty("jetty10.xml")),
                providerSettings(provider));
        URI base = URI.create("http://127.0.0.1:" + server.awaitLine(STARTED).group(1) + "/");
        System.out.printf("Jetty 10 (javax sample WAR, twice) up in %d ms%n", server.millisSinceStart());
        return base;
    }

    @Override
    protected void stopApplication() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CharSequence applicationLog() {
        return server == null ? "" : server.output();
    }

    @Test
    void underTheContextPathShopLoginCookieAndLogoutStayInsideIt() {
        provider.loginAs("judy");
        TestBrowser judy = new TestBrowser();

        HttpResponse<String> toProvider = judy.get(url("/shop/profile"), NAVIGATION);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(queryParameter(toProvider, "redirect_uri")).isEqualTo(url("/shop/oidc/callback"));
        assertThat(toProvider.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("; Path=/shop").containsIgnoringCase("; SameSite=Lax"));

        HttpResponse<String> landed = judy.follow(toProvider, 4);
        assertThat(landed.statusCode()).as("login ended at %s: %s", landed.uri(), landed.body()).isEqualTo(200);
        assertThat(landed.uri()).isEqualTo(URI.create(url("/shop/profile")));
        assertThat(landed.body()).contains("<strong id=\"name\">judy</strong>", "href=\"/shop/oidc/logout\"");
        assertThat(judy.get(url("/api/me")).statusCode()).as("the root application is another one").isEqualTo(401);

        HttpResponse<String> logout = judy.get(url("/shop/oidc/logout"), "Accept", "text/html", "Sec-Fetch-Mode",
                "navigate", "Sec-Fetch-Site", "same-origin");
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(queryParameter(logout, "post_logout_redirect_uri")).isEqualTo(url("/shop/"));
        assertThat(judy.get(url("/shop/api/me")).statusCode()).as("after logout").isEqualTo(401);
    }
}
