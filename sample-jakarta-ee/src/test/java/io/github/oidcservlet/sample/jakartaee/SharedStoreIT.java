package io.github.oidcservlet.sample.jakartaee;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.LogTailOnFailure;
import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestPostgres;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 §7: the Jakarta Security mechanism takes the store keys too. Two GlassFish instances (two processes of
 * the executable jar, each its own embedded GlassFish, mechanism and engine) configured with {@code store=jdbc} on
 * one real PostgreSQL, as a user would set it: {@code OIDC_STORE}, {@code OIDC_STORE_JDBC_URL},
 * {@code OIDC_STORE_JDBC_USER}. They share nothing but that database, not even HTTP sessions: the user logs in on
 * each, with a browser of its own per instance (cookies do not tell ports apart, RFC 6265 §8.5). A back-channel
 * logout posted to instance one ends the login on instance two, and its {@code jti} is refused there as a replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedStoreIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final String[] NAVIGATION = {"Accept", "text/html", "Sec-Fetch-Mode", "navigate"};

    @RegisterExtension
    static final TestProviderExtension PROVIDER = TestProviderExtension.create();

    @RegisterExtension
    final LogTailOnFailure logTail = LogTailOnFailure.of(this::logs).lines(200);

    private TestPostgres postgres;
    private SampleJar one;
    private SampleJar two;
    private URI oneUri;
    private URI twoUri;

    @BeforeAll
    void startPostgresAndTwoInstances() throws Exception {
        postgres = TestPostgres.start();
        Map<String, String> store = Map.of("OIDC_STORE", "jdbc", "OIDC_STORE_JDBC_URL", postgres.jdbcUrl(),
                "OIDC_STORE_JDBC_USER", postgres.user());
        TestProvider provider = PROVIDER.get();
        Map<String, String> settings = Map.of("issuer", provider.issuer(),
                "client-id", TestProvider.DEFAULT_CLIENT_ID, "client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
        // side by side: each GlassFish takes several seconds to start
        one = SampleJar.launch(settings, store);
        two = SampleJar.launch(settings, store);
        oneUri = one.awaitServing();
        twoUri = two.awaitServing();
    }

    @AfterAll
    void stopAll() {
        for (AutoCloseable each : new AutoCloseable[] {one, two, postgres}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                // stop the rest regardless
            }
        }
    }

    @Test
    void aBackChannelLogoutPostedToOneInstanceEndsTheLoginOnTheOtherWithinTwoSecondsAndItsJtiIsRefusedThere()
            throws InterruptedException {
        TestProvider provider = PROVIDER.get();
        TestBrowser onOne = logIn(oneUri, "grace");
        TestBrowser onTwo = logIn(twoUri, "grace");
        assertThat(onTwo.get(twoUri.resolve("/api/me").toString()).statusCode()).isEqualTo(200);
        String token = provider.signLogoutToken(provider.logoutTokenClaims().subject("grace").build(), Signing.RS256);

        HttpResponse<String> answer = new TestBrowser().post(oneUri.resolve("/oidc/backchannel-logout").toString(),
                Map.of("logout_token", token));
        assertThat(answer.statusCode()).as("instance one: %s", answer.body()).isEqualTo(200);
        assertThat(onOne.get(oneUri.resolve("/api/me").toString()).statusCode()).as("instance one").isEqualTo(401);

        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        int status = onTwo.get(twoUri.resolve("/api/me").toString()).statusCode();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = onTwo.get(twoUri.resolve("/api/me").toString()).statusCode();
        }
        assertThat(status).as("instance two, within %s of the logout on instance one", PROPAGATION).isEqualTo(401);
        HttpResponse<String> page = onTwo.get(twoUri.resolve("/profile").toString(), NAVIGATION);
        assertThat(page.statusCode()).as("a page on instance two asks for a login again").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .startsWith(provider.authorizationEndpoint().toString());

        // Back-Channel Logout §2.6 step 6: the jti was received before, by the other instance; §2.8: 400
        HttpResponse<String> replay = new TestBrowser().post(twoUri.resolve("/oidc/backchannel-logout").toString(),
                Map.of("logout_token", token));
        assertThat(replay.statusCode()).as("the same jti at instance two: %s", replay.body()).isEqualTo(400);
        assertThat(replay.body()).contains("jti was seen before");

        assertThat(one.output() + two.output()).as("the store reached its database at once on both")
                .doesNotContain("Database outage");
    }

    private TestBrowser logIn(URI instance, String user) {
        PROVIDER.get().loginAs(user);
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> toProvider = browser.get(instance.resolve("/profile").toString(), NAVIGATION);
        assertThat(toProvider.statusCode()).as("GET /profile before login on %s", instance).isEqualTo(302);
        HttpResponse<String> landed = browser.follow(toProvider, 4);
        assertThat(landed.statusCode()).as("login as %s on %s: %s", user, instance, landed.body()).isEqualTo(200);
        assertThat(browser.get(instance.resolve("/api/me").toString()).body()).contains("\"" + user + "\"");
        return browser;
    }

    /** The last lines of each instance's output and of the database's log. */
    private String logs() {
        return "--- instance one ---\n" + tail(one == null ? "" : one.output())
                + "\n--- instance two ---\n" + tail(two == null ? "" : two.output())
                + "\n--- PostgreSQL ---\n" + tail(postgres == null ? "" : postgres.log());
    }

    private static String tail(String text) {
        String[] lines = text.split("\\R");
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }
}
