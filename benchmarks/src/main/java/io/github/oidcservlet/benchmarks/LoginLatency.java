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
 * callback (code redemption, ID token validation, userinfo as configured), the page.
 *
 * <p>Arguments: answer delay in ms (default 0), logins to time per app (default 30), warm-up logins (default 20),
 * refreshing requests to time (default 30), and the apps, comma separated, which take turns login by login:
 * {@code filter} (OidcFilter as configured by default), {@code auto} (with {@code userinfo=auto}), {@code bare}
 * ({@link BareRelyingParty}: what the least relying party costs in the same set-up). Default {@code filter}.
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
        List<String> apps = List.of((args.length > 4 ? args[4] : "filter").split(","));

        try (TestProvider provider = TestProvider.start()) {
            provider.behaviour().interactiveLogin(true).expiresIn(86_400L).answerDelay(delay);
            Map<String, String> bases = new LinkedHashMap<>();
            List<Server> servers = new ArrayList<>();
            try {
                for (String app : apps) {
                    Server server = server(app, provider);
                    servers.add(server);
                    server.start();
                    bases.put(app, "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
                }
                double bareMillis = bareRoundTripMillis(provider);
                System.out.printf("bare round trip to the provider (one GET, blocking client): median %.2f ms%n",
                        bareMillis);
                TestBrowser browser = new TestBrowser();
                Map<String, Integer> atStart = counts(provider);
                long first = timed(() -> LoginLoop.login(browser, bases.get(apps.get(0))));
                System.out.printf("first login after start-up (%s): %.1f ms, provider calls %s%n", apps.get(0),
                        first / 1e6, minus(counts(provider), atStart));
                Runs loginRuns = new Runs(provider);
                for (int i = 0; i < warmUp + logins; i++) {
                    // the apps take turns login by login, so that a change in the machine's load hits them alike
                    for (String app : apps) {
                        browser.clearCookies();
                        loginRuns.time(app, i >= warmUp, () -> LoginLoop.login(browser, bases.get(app)));
                    }
                }
                apps.forEach(app -> report(label(app) + " full login", loginRuns, app, delay, bareMillis));

                // refresh-margin is 30 s: a 20 s token is refreshed by every request, and stays valid meanwhile
                provider.behaviour().expiresIn(20L);
                List<String> refreshing = apps.stream().filter(app -> !app.equals("bare")).toList();
                Map<String, TestBrowser> browsers = new LinkedHashMap<>();
                for (String app : refreshing) {
                    browsers.put(app, new TestBrowser());
                    LoginLoop.login(browsers.get(app), bases.get(app));
                }
                Runs refreshRuns = new Runs(provider);
                for (int i = 0; i < Math.min(warmUp, 10) + refreshes; i++) {
                    for (String app : refreshing) {
                        refreshRuns.time(app, i >= Math.min(warmUp, 10),
                                () -> refreshingRequest(browsers.get(app), bases.get(app)));
                    }
                }
                refreshing.forEach(app -> report(label(app) + " refreshing request", refreshRuns, app, delay,
                        bareMillis));
            } finally {
                for (Server server : servers) {
                    server.stop();
                }
            }
        }
    }

    /** {@code filter}: OidcFilter as configured by default; {@code auto}: with userinfo=auto; {@code bare}. */
    private static Server server(String app, TestProvider provider) {
        return switch (app) {
            case "filter" -> LoadTarget.server(0, provider, Map.of());
            case "auto" -> LoadTarget.server(0, provider, Map.of("userinfo", "auto"));
            case "bare" -> BareRelyingParty.server(provider);
            default -> throw new IllegalArgumentException("app is filter, auto or bare: " + app);
        };
    }

    private static String label(String app) {
        return switch (app) {
            case "filter" -> "filter, userinfo default:";
            case "auto" -> "filter, userinfo=auto:";
            default -> "bare reference:";
        };
    }

    /** Durations and provider calls of the timed runs, per app. */
    private static final class Runs {
        private final TestProvider provider;
        private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
        private final Map<String, Map<String, Integer>> calls = new LinkedHashMap<>();

        Runs(TestProvider provider) {
            this.provider = provider;
        }

        void time(String app, boolean counted, Runnable run) {
            Map<String, Integer> before = counts(provider);
            long took = timed(run);
            if (counted) {
                nanos.computeIfAbsent(app, a -> new ArrayList<>()).add(took);
                minus(counts(provider), before).forEach((endpoint, count) ->
                        calls.computeIfAbsent(app, a -> new LinkedHashMap<>()).merge(endpoint, count, Integer::sum));
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

    private static void report(String what, Runs runs, String app, Duration delay, double bareMillis) {
        List<Long> sorted = new ArrayList<>(runs.nanos.get(app));
        sorted.sort(null);
        Map<String, Integer> calls = runs.calls.get(app);
        int roundTrips = calls.values().stream().mapToInt(Integer::intValue).sum();
        double median = Percentiles.of(sorted, 0.5) / 1e6;
        double p90 = Percentiles.of(sorted, 0.9) / 1e6;
        double perRun = (double) roundTrips / sorted.size();
        double floor = perRun * delay.toNanos() / 1e6;
        System.out.printf("%s %d runs, provider delay %d ms: median %.1f ms, p90 %.1f ms; sequential provider "
                        + "round trips per run %.1f %s; floor %.1f ms (measured: %.1f ms); median/floor %s%n", what,
                sorted.size(), delay.toMillis(), median, p90, perRun, perRunCounts(calls, sorted.size()), floor,
                perRun * bareMillis, floor == 0 ? "-" : String.format("%.2f", median / floor));
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
