package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@link SampleAppContract} drives an application with: a {@link TestProvider} for the whole class (reset
 * before each test), the application started against it by the subclass, and the browser-like steps the
 * expectations are written in (log in, read {@code /api/me}, count refresh grants).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SampleAppHarness {

    /** The headers of a browser's top-level navigation, which the application answers with a login redirect. */
    protected static final String[] NAVIGATION = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8",
            "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document"};
    protected static final String[] NONE = {};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provider the application under test logs in with; reset before each test. */
    protected TestProvider provider;
    private URI base;

    /**
     * Starts the application configured with {@link #providerSettings} (as {@code oidc.*} system properties or
     * {@code OIDC_*} variables) and returns its root URL with a trailing slash.
     */
    protected abstract URI startApplication(TestProvider provider) throws Exception;

    protected abstract void stopApplication() throws Exception;

    /** The configuration keys and values that point an application at {@code provider}. */
    protected static Map<String, String> providerSettings(TestProvider provider) {
        return Map.of("issuer", provider.issuer(),
                "client-id", TestProvider.DEFAULT_CLIENT_ID,
                "client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
    }

    @BeforeAll
    final void startAll() throws Exception {
        provider = TestProvider.start();
        base = startApplication(provider);
    }

    @AfterAll
    final void stopAll() throws Exception {
        try {
            stopApplication();
        } finally {
            if (provider != null) {
                provider.close();
            }
        }
    }

    @BeforeEach
    final void freshProvider() {
        provider.reset();
    }

    protected final int refreshGrants() {
        return (int) provider.requests("token").stream()
                .filter(r -> "refresh_token".equals(r.form("grant_type"))).count();
    }

    /** Logs in through the provider as a browser would (the provider logs {@code userName} in at once). */
    protected final TestBrowser logIn(String userName) {
        provider.loginAs(userName);
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> toProvider = browser.get(url("/profile"), NAVIGATION);
        assertThat(toProvider.statusCode()).as("GET /profile before login").isEqualTo(302);
        HttpResponse<String> landed = browser.follow(toProvider, 4);
        assertThat(landed.statusCode()).as("login as %s ended at %s: %s", userName, landed.uri(), landed.body())
                .isEqualTo(200);
        assertThat(landed.uri()).isEqualTo(URI.create(url("/profile")));
        return browser;
    }

    /** An absolute URL of the application; {@code path} starts with a slash. */
    protected final String url(String path) {
        return base.resolve(path).toString();
    }

    protected final JsonNode apiMe(TestBrowser browser) throws IOException {
        HttpResponse<String> me = browser.get(url("/api/me"));
        assertThat(me.statusCode()).as("/api/me: %s", me.body()).isEqualTo(200);
        assertThat(contentType(me)).startsWith("application/json");
        return JSON.readTree(me.body());
    }

    protected static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    protected static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("at io.github.").doesNotContain("GlassFish").doesNotContain("Jetty");
    }
}
