package io.github.oidcservlet.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §8: the time from a back-channel logout posted to node a until node b first refuses the login, over
 * {@value #LOGOUTS} logouts, with {@code LISTEN/NOTIFY} and with polling ({@code store-notify=false}, every
 * {@code store-poll-interval}, 1 s). Not part of the suite (neither *Test nor *IT); run it with
 * {@code mvn -pl sample-cluster -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=LogoutPropagationBench}. The clock starts as the logout request is sent and stops when node b's
 * answer 401 arrives; node b is asked again at once after each 200, so the figure is the propagation plus at most
 * one request's time. Results: stdout and {@code target/logout-propagation.txt}.
 */
class LogoutPropagationBench {

    static final int LOGOUTS = 50;

    @Test
    void logoutPropagationFromNodeAToNodeB() throws Exception {
        Map<String, long[]> results = new LinkedHashMap<>();
        results.put("LISTEN/NOTIFY", measure(Map.of()));
        results.put("polling every 1 s", measure(Map.of("store-notify", "false", "store-poll-interval", "1")));
        StringBuilder report = new StringBuilder("Back-channel logout on node a -> first 401 on node b, "
                + LOGOUTS + " logouts each (ms)\n");
        results.forEach((mode, nanos) -> report.append(String.format("%-20s p50 %7.1f   p99 %7.1f   max %7.1f%n",
                mode, percentile(nanos, 50), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6)));
        System.out.print(report);
        Files.writeString(Path.of("target/logout-propagation.txt"), report, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static long[] measure(Map<String, String> storeSettings) throws Exception {
        try (TestProvider provider = TestProvider.start()) {
            Map<String, String> settings = new LinkedHashMap<>(Map.of("issuer", provider.issuer(),
                    "client-id", TestProvider.DEFAULT_CLIENT_ID, "client-secret", TestProvider.DEFAULT_CLIENT_SECRET));
            settings.putAll(storeSettings);
            try (ClusterUnderTest cluster = ClusterUnderTest.start(settings)) {
                String nodeA = cluster.cluster().nodeUris().get(0).toString();
                String nodeB = cluster.cluster().nodeUris().get(1).toString();
                long[] nanos = new long[LOGOUTS];
                for (int i = 0; i < LOGOUTS; i++) {
                    String user = "user" + i;
                    TestBrowser browser = logIn(provider, cluster.baseUri().resolve("/profile").toString(), user);
                    assertThat(browser.get(nodeB + "api/me").statusCode()).isEqualTo(200);
                    String token = provider.signLogoutToken(provider.logoutTokenClaims().subject(user).build(),
                            Signing.RS256);
                    TestBrowser idp = new TestBrowser();
                    long start = System.nanoTime();
                    assertThat(idp.post(nodeA + "oidc/backchannel-logout", Map.of("logout_token", token)).statusCode())
                            .isEqualTo(200);
                    while (browser.get(nodeB + "api/me").statusCode() == 200) {
                        if (System.nanoTime() - start > 10_000_000_000L) {
                            throw new AssertionError("node b still serves " + user + " 10 s after the logout");
                        }
                    }
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                return nanos;
            }
        }
    }

    private static TestBrowser logIn(TestProvider provider, String profile, String user) throws IOException {
        provider.loginAs(user);
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> landed = browser.follow(browser.get(profile, "Accept", "text/html",
                "Sec-Fetch-Mode", "navigate"), 4);
        assertThat(landed.statusCode()).as("login of %s", user).isEqualTo(200);
        return browser;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
