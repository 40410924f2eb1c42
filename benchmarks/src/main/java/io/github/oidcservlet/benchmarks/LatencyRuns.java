package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.testkit.TestProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The timed runs of the login benchmark per app: durations, where each login's time went (provider hops, the
 * callback, the app's other hops) and the provider calls each run made (the runs take turns, one at a time, so every
 * call the provider counts during a run is that run's). Prints each app's line beside the floor.
 */
final class LatencyRuns {

    private static final String[] ENDPOINTS = {"discovery", "jwks", "authorize", "token", "userinfo"};

    private final TestProvider provider;
    private final Map<String, List<Long>> nanos = new LinkedHashMap<>();
    private final Map<String, List<LoginLoop.Hops>> hops = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> calls = new LinkedHashMap<>();

    LatencyRuns(TestProvider provider) {
        this.provider = provider;
    }

    /** Times a run; only {@code counted} runs are kept. A login's hops are kept too. */
    void time(String app, boolean counted, Supplier<?> run) {
        Map<String, Integer> before = counts(provider);
        long started = System.nanoTime();
        Object result = run.get();
        long took = System.nanoTime() - started;
        if (counted) {
            nanos.computeIfAbsent(app, a -> new ArrayList<>()).add(took);
            if (result instanceof LoginLoop.Hops login) {
                hops.computeIfAbsent(app, a -> new ArrayList<>()).add(login);
            }
            minus(counts(provider), before).forEach((endpoint, count) ->
                    calls.computeIfAbsent(app, a -> new LinkedHashMap<>()).merge(endpoint, count, Integer::sum));
        }
    }

    /**
     * One line per app: median and p90, the provider round trips per run and which, the floor (round trips in
     * sequence × delay; measured: × a bare round trip here), and for logins the median time of each kind of hop.
     * The callback's floor is its own calls to the provider: token, userinfo (the authorize calls are the browser's).
     */
    void report(String what, String app, Duration delay, double bareMillis) {
        List<Long> sorted = sorted(nanos.get(app));
        Map<String, Integer> perApp = calls.get(app);
        int roundTrips = perApp.values().stream().mapToInt(Integer::intValue).sum();
        double perRun = (double) roundTrips / sorted.size();
        double median = Percentiles.of(sorted, 0.5) / 1e6;
        double floor = perRun * delay.toNanos() / 1e6;
        StringBuilder line = new StringBuilder(String.format("%s %d runs, provider delay %d ms: median %.1f ms, "
                        + "p90 %.1f ms; sequential provider round trips per run %.1f %s; floor %.1f ms (measured: "
                        + "%.1f ms); median/floor %s", what, sorted.size(), delay.toMillis(), median,
                Percentiles.of(sorted, 0.9) / 1e6, perRun, perRunCounts(perApp, sorted.size()), floor,
                perRun * bareMillis, floor == 0 ? "-" : String.format("%.2f", median / floor)));
        List<LoginLoop.Hops> logins = hops.get(app);
        if (logins != null) {
            double callbackTrips = (double) (perApp.getOrDefault("token", 0) + perApp.getOrDefault("userinfo", 0)
                    + perApp.getOrDefault("jwks", 0) + perApp.getOrDefault("discovery", 0)) / sorted.size();
            line.append(String.format("; hops median: provider's form and submit %.1f ms, callback %.1f ms "
                            + "(its round trips %.1f: %.1f ms), app's page before and after %.1f ms",
                    median(logins, LoginLoop.Hops::provider), median(logins, LoginLoop.Hops::callback),
                    callbackTrips, callbackTrips * delay.toNanos() / 1e6, median(logins, LoginLoop.Hops::app)));
        }
        System.out.println(line);
    }

    private static double median(List<LoginLoop.Hops> logins, java.util.function.ToLongFunction<LoginLoop.Hops> part) {
        return Percentiles.of(sorted(logins.stream().map(part::applyAsLong).toList()), 0.5) / 1e6;
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
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

    static Map<String, Integer> counts(TestProvider provider) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String endpoint : ENDPOINTS) {
            counts.put(endpoint, provider.count(endpoint));
        }
        return counts;
    }

    static Map<String, Integer> minus(Map<String, Integer> now, Map<String, Integer> before) {
        Map<String, Integer> difference = new LinkedHashMap<>();
        now.forEach((name, count) -> difference.put(name, count - before.getOrDefault(name, 0)));
        return difference;
    }
}
