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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@link SampleAppContract} drives an application with: a {@link TestProvider} for the whole class (reset
 * before each test), the application started against it by the subclass, and the browser-like steps the
 * expectations are written in (log in, read {@code /api/me}, count refresh grants). A failing test shows the last
 * lines of the application's log ({@link #applicationLog()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SampleAppHarness {

    /** The headers of a browser's top-level navigation, which the application answers with a login redirect. */
    protected static final String[] NAVIGATION = {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8",
            "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document"};
    /** No extra headers: a plain API call. */
    protected static final String[] NONE = {};
    /**
     * The application's {@code refresh-margin} in seconds: a login whose access token lives less than this is due
     * for a refresh at its next request, however fast or slow the machine runs the test.
     */
    protected static final long REFRESH_MARGIN_SECONDS = 120;
    /** An access token lifetime inside {@link #REFRESH_MARGIN_SECONDS}, long enough for any login to finish. */
    protected static final long DUE_FOR_REFRESH_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestProviderExtension PROVIDER = TestProviderExtension.create();

    @RegisterExtension
    final LogTailOnFailure logTail = LogTailOnFailure.of(this::applicationLog);

    /** The provider the application under test logs in with; reset before each test. */
    protected TestProvider provider;
    private URI base;

    /**
     * Starts the application configured with {@link #providerSettings} (as {@code oidc.*} system properties or
     * {@code OIDC_*} variables) and returns its root URL with a trailing slash.
     *
     * @param provider the provider to log in with
     * @return the application's root URL, with a trailing slash
     * @throws Exception when the application does not start
     */
    protected abstract URI startApplication(TestProvider provider) throws Exception;

    /**
     * Stops the application started by {@link #startApplication}.
     *
     * @throws Exception when it does not stop cleanly
     */
    protected abstract void stopApplication() throws Exception;

    /**
     * What the application has logged so far (the last lines are attached to a failure); nothing unless the
     * subclass captures it.
     *
     * @return the log text
     */
    protected CharSequence applicationLog() {
        return "";
    }

    /**
     * The configuration keys and values that point an application at {@code provider}, with a
     * {@code refresh-margin} of {@value #REFRESH_MARGIN_SECONDS} seconds.
     *
     * @param provider the provider
     * @return plain key to value ({@code issuer}, {@code client-id}, {@code client-secret}, {@code refresh-margin})
     */
    protected static Map<String, String> providerSettings(TestProvider provider) {
        return Map.of("issuer", provider.issuer(),
                "client-id", TestProvider.DEFAULT_CLIENT_ID,
                "client-secret", TestProvider.DEFAULT_CLIENT_SECRET,
                "refresh-margin", Long.toString(REFRESH_MARGIN_SECONDS));
    }

    @BeforeAll
    final void startAll() throws Exception {
        // The extension has started the provider; it resets it before each test and closes it after these.
        provider = PROVIDER.get();
        base = startApplication(provider);
    }

    @AfterAll
    final void stopAll() throws Exception {
        stopApplication();
    }

    /** {@return how many refresh-token grants the provider's token endpoint received} */
    protected final int refreshGrants() {
        return (int) provider.requests("token").stream()
                .filter(r -> "refresh_token".equals(r.form("grant_type"))).count();
    }

    /**
     * Logs in through the provider as a browser would (the provider logs {@code userName} in at once).
     *
     * @param userName the user the provider logs in
     * @return the browser, holding the application's session cookie
     */
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

    /**
     * An absolute URL of the application.
     *
     * @param path a path starting with a slash
     * @return the URL
     */
    protected final String url(String path) {
        return base.resolve(path).toString();
    }

    /**
     * Calls {@code /api/me} and checks it answers JSON with 200.
     *
     * @param browser a logged-in browser
     * @return the parsed answer
     * @throws IOException when the body is no JSON
     */
    protected final JsonNode apiMe(TestBrowser browser) throws IOException {
        HttpResponse<String> me = browser.get(url("/api/me"));
        assertThat(me.statusCode()).as("/api/me: %s", me.body()).isEqualTo(200);
        assertThat(contentType(me)).startsWith("application/json");
        return JSON.readTree(me.body());
    }

    /**
     * The answer's content type without spaces, for comparisons.
     *
     * @param response an answer
     * @return e.g. {@code application/json;charset=UTF-8}; empty without the header
     */
    protected static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    /**
     * Asserts that an error answer shows no stack trace and names no server.
     *
     * @param response an answer
     */
    protected static void assertNoStackTrace(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("at io.github.").doesNotContain("GlassFish").doesNotContain("Jetty");
    }
}
