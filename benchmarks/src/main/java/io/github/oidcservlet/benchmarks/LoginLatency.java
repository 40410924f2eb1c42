package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Full-login and refreshing-request latency of {@code OidcFilter} on embedded Jetty 12 beside its peers against the
 * in-process test provider, optionally made distant ({@code ProviderBehaviour#answerDelay}), each figure beside the
 * floor it cannot beat: the provider round trips the user waits for in sequence, times the delay (and, measured,
 * times a bare round trip to the same provider on this machine).
 *
 * <p>A login is what a browser does: the protected page, the provider's login form, the form submitted, the
 * callback (code redemption, ID token validation, userinfo as the app does it), the page. Every app runs in a JVM
 * of its own ({@link AppProcess}); this JVM holds the provider and the browser stand-in.
 *
 * <p>Arguments: answer delay in ms (default 0), logins to time per app (default 30), warm-up logins and refreshing
 * requests, with the provider answering at once (default 20),
 * refreshing requests to time (default 30), and the apps, comma separated, which take turns login by login:
 * {@code filter} (OidcFilter as configured by default), {@code auto} (with {@code userinfo=auto}), {@code bare}
 * ({@link BareRelyingParty}: what the least relying party costs in the same set-up), {@code pac4j} (pac4j with its
 * Jakarta EE filters), {@code jetty} (Jetty 12's OpenID module). Default {@code filter}.
 */
public final class LoginLatency {

    private LoginLatency() {
    }

    public static void main(String[] args) throws Exception {
        Duration delay = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 0);
        int logins = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int refreshes = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        List<String> apps = List.of((args.length > 4 ? args[4] : "filter").split(","));

        try (TestProvider provider = TestProvider.start()) {
            provider.behaviour().interactiveLogin(true).expiresIn(86_400L).answerDelay(delay)
                    // Jetty's OpenID module sends neither nonce nor PKCE; what the others send is still checked
                    .nonceAndPkceOptional(apps.contains("jetty"));
            Map<String, AppProcess> running = new LinkedHashMap<>();
            try {
                for (String app : apps) {
                    running.put(app, AppProcess.start(app, provider));
                }
                run(provider, delay, logins, warmUp, refreshes, apps, running);
            } finally {
                for (AppProcess app : running.values()) {
                    app.close();
                }
            }
        }
    }

    private static void run(TestProvider provider, Duration delay, int logins, int warmUp, int refreshes,
            List<String> apps, Map<String, AppProcess> running) throws IOException {
        double bareMillis = bareRoundTripMillis(provider);
        System.out.printf("bare round trip to the provider (one GET, blocking client): median %.2f ms%n", bareMillis);
        TestBrowser browser = new TestBrowser();
        Map<String, Integer> atStart = LatencyRuns.counts(provider);
        long started = System.nanoTime();
        LoginLoop.login(browser, running.get(apps.get(0)).base());
        System.out.printf("first login after start-up (%s): %.1f ms, provider calls %s%n", apps.get(0),
                (System.nanoTime() - started) / 1e6, LatencyRuns.minus(LatencyRuns.counts(provider), atStart));
        LatencyRuns loginRuns = takeTurns(provider, delay, warmUp, logins, apps, app -> {
            browser.clearCookies();
            return LoginLoop.login(browser, running.get(app).base());
        });
        apps.forEach(app -> loginRuns.report(label(app) + " full login", app, delay, bareMillis));

        // refresh-margin is 30 s: a 20 s token is refreshed by every request, and stays valid meanwhile
        provider.behaviour().expiresIn(20L);
        List<String> refreshing = apps.stream().filter(app -> app.equals("filter") || app.equals("auto")).toList();
        Map<String, TestBrowser> browsers = new LinkedHashMap<>();
        for (String app : refreshing) {
            browsers.put(app, new TestBrowser());
            LoginLoop.login(browsers.get(app), running.get(app).base());
        }
        LatencyRuns refreshRuns = takeTurns(provider, delay, warmUp, refreshes, refreshing,
                app -> refreshingRequest(browsers.get(app), running.get(app).base()));
        refreshing.forEach(app -> refreshRuns.report(label(app) + " refreshing request", app, delay, bareMillis));
    }

    /**
     * The apps take turns run by run, so that a change in the machine's load hits them alike: first the warm-up
     * runs with the provider answering at once (the JIT needs runs, not time), then the timed runs at the delay.
     */
    private static LatencyRuns takeTurns(TestProvider provider, Duration delay, int warmUp, int timed,
            List<String> apps, Function<String, Object> run) {
        LatencyRuns runs = new LatencyRuns(provider);
        provider.behaviour().answerDelay(Duration.ZERO);
        for (int i = 0; i < warmUp + timed; i++) {
            if (i == warmUp) {
                provider.behaviour().answerDelay(delay);
            }
            for (String app : apps) {
                runs.time(app, i >= warmUp, () -> run.apply(app));
            }
        }
        return runs;
    }

    private static String label(String app) {
        return switch (app) {
            case "filter" -> "filter, userinfo default:";
            case "auto" -> "filter, userinfo=auto:";
            case "pac4j" -> "pac4j 6.3 + jakartaee-pac4j 8.0:";
            case "jetty" -> "Jetty 12.1 OpenID module:";
            default -> "bare reference:";
        };
    }

    private static HttpResponse<String> refreshingRequest(TestBrowser browser, String base) {
        HttpResponse<String> response = browser.get(base + "/api/ping");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("refreshing request answered " + response.statusCode());
        }
        return response;
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
}
