package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full-login and refreshing-request latency of {@code OidcFilter} on embedded Jetty 12 against the in-process test
 * provider, optionally made distant ({@code ProviderBehaviour#answerDelay}), each figure beside the floor it
 * cannot beat: the provider round trips the user waits for in sequence, times the delay (and, measured, times a
 * bare round trip to the same provider on this machine).
 *
 * <p>A login is what a browser does: the protected page, the provider's login form, the form submitted, the
 * callback (code redemption, ID token validation, userinfo as configured), the page. Filter keys can be passed as
 * system properties ({@code -Doidc.userinfo=auto}).
 *
 * <p>Arguments: answer delay in ms (default 0), logins to time (default 30), warm-up logins (default 20),
 * refreshing requests to time (default 30), {@code bare} to log in to {@link BareRelyingParty} instead (the
 * reference: what the least relying party costs in the same set-up).
 */
public final class LoginLatency {

    private static final String[] ENDPOINTS = {"discovery", "jwks", "authorize", "token", "userinfo"};

    private LoginLatency() {
    }

    public static void main(String[] args) throws Exception {
        Duration delay = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 0);
        int logins = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int refreshes = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        boolean bare = args.length > 4 && args[4].equals("bare");

        try (TestProvider provider = TestProvider.start()) {
            provider.behaviour().interactiveLogin(true).expiresIn(86_400L).answerDelay(delay);
            Server server = bare ? BareRelyingParty.server(provider) : LoadTarget.server(0, provider);
            server.start();
            try {
                String base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                double bareMillis = bareRoundTripMillis(provider);
                System.out.printf("bare round trip to the provider (one GET, blocking client): median %.2f ms%n",
                        bareMillis);
                Map<String, Integer> atStart = counts(provider);
                System.out.printf("start-up: provider calls %s%n", atStart);
                TestBrowser browser = new TestBrowser();
                long first = timed(() -> LoginLoop.login(browser, base));
                System.out.printf("first login after start-up: %.1f ms, provider calls %s%n", first / 1e6,
                        minus(counts(provider), atStart));
                for (int i = 0; i < warmUp; i++) {
                    browser.clearCookies();
                    LoginLoop.login(browser, base);
                }
                Map<String, Integer> before = counts(provider);
                List<Long> loginNanos = new ArrayList<>();
                for (int i = 0; i < logins; i++) {
                    browser.clearCookies();
                    loginNanos.add(timed(() -> LoginLoop.login(browser, base)));
                }
                Map<String, Integer> perLogin = minus(counts(provider), before);
                report(bare ? "full login, bare reference" : "full login", loginNanos, perLogin, logins, delay,
                        bareMillis);
                if (bare) {
                    return;
                }

                // refresh-margin is 30 s: a 20 s token is refreshed by every request, and stays valid meanwhile
                provider.behaviour().expiresIn(20L);
                browser.clearCookies();
                LoginLoop.login(browser, base);
                for (int i = 0; i < Math.min(warmUp, 10); i++) {
                    refreshingRequest(browser, base);
                }
                before = counts(provider);
                List<Long> refreshNanos = new ArrayList<>();
                for (int i = 0; i < refreshes; i++) {
                    refreshNanos.add(timed(() -> refreshingRequest(browser, base)));
                }
                report("refreshing request", refreshNanos, minus(counts(provider), before), refreshes, delay,
                        bareMillis);
            } finally {
                server.stop();
            }
        }
    }

    private static void refreshingRequest(TestBrowser browser, String base) {
        HttpResponse<String> response = browser.get(base + "/api/ping");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("refreshing request answered " + response.statusCode());
        }
    }

    /**
     * What one provider round trip really takes here, the provider's own work and this machine's scheduling
     * included: the median of sequential GETs of the discovery document on one kept-alive connection.
     */
    private static double bareRoundTripMillis(TestProvider provider) throws IOException {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long started = System.nanoTime();
            HttpURLConnection connection = (HttpURLConnection) provider.discoveryUri().toURL().openConnection();
            try (InputStream in = connection.getInputStream()) {
                in.readAllBytes();
            }
            if (i >= 10) {
                nanos.add(System.nanoTime() - started);
            }
        }
        nanos.sort(null);
        return Percentiles.of(nanos, 0.5) / 1e6;
    }

    private static void report(String what, List<Long> nanos, Map<String, Integer> calls, int runs, Duration delay,
                               double bareMillis) {
        int roundTrips = calls.values().stream().mapToInt(Integer::intValue).sum();
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        double median = Percentiles.of(sorted, 0.5) / 1e6;
        double p90 = Percentiles.of(sorted, 0.9) / 1e6;
        double perRun = (double) roundTrips / runs;
        double floor = perRun * delay.toNanos() / 1e6;
        System.out.printf("%s (%d runs, provider delay %d ms): median %.1f ms, p90 %.1f ms; sequential provider "
                        + "round trips per run %.1f %s; floor %.1f ms (measured: %.1f ms); median/floor %s%n", what,
                runs, delay.toMillis(), median, p90, perRun, perRunCounts(calls, runs), floor, perRun * bareMillis,
                floor == 0 ? "-" : String.format("%.2f", median / floor));
    }

    private static String perRunCounts(Map<String, Integer> calls, int runs) {
        Map<String, String> perRun = new LinkedHashMap<>();
        calls.forEach((name, count) -> {
            if (count > 0) {
                perRun.put(name, String.format("%.1f", (double) count / runs));
            }
        });
        return perRun.toString();
    }

    private static Map<String, Integer> counts(TestProvider provider) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String endpoint : ENDPOINTS) {
            counts.put(endpoint, provider.count(endpoint));
        }
        return counts;
    }

    private static Map<String, Integer> minus(Map<String, Integer> now, Map<String, Integer> before) {
        Map<String, Integer> difference = new LinkedHashMap<>();
        now.forEach((name, count) -> difference.put(name, count - before.getOrDefault(name, 0)));
        return difference;
    }

    private static long timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return System.nanoTime() - started;
    }
}
