package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.testkit.TestProvider;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * One round trip to the test provider (a GET of its JWKS on a kept-alive connection) through the ways a relying
 * party can call it: the JDK client with its default worker pool (what {@code ProviderHttp} did), with the
 * default version (HTTP/2 upgrade attempts on plain HTTP), with the answer completed on its selector thread (what
 * {@code ProviderHttp} does now), and a blocking {@link HttpURLConnection} (what pac4j's Nimbus SDK uses). The
 * differences are thread hand-offs: on a busy machine each one waits for a CPU.
 *
 * <p>Arguments: calls per variant and round (default 1000), rounds (default 3).
 */
public final class ClientHandOff {

    private ClientHandOff() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (TestProvider provider = TestProvider.start()) {
            URI uri = provider.jwksUri();
            HttpClient pooled = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpClient upgrading = HttpClient.newBuilder().build();
            ProviderHttp ours = new ProviderHttp(Duration.ofSeconds(5), Duration.ofSeconds(5));
            for (int round = 1; round <= rounds; round++) {
                time(round, "JDK HttpClient, HTTP/1.1, default worker pool", calls,
                        () -> jdk(pooled, uri));
                time(round, "JDK HttpClient, default version (h2c upgrade)", calls,
                        () -> jdk(upgrading, uri));
                time(round, "ProviderHttp: JDK HttpClient, selector thread completes", calls,
                        () -> ours.get(uri, "JWKS endpoint").body());
                time(round, "HttpURLConnection, blocking in the caller", calls, () -> blocking(uri));
            }
        }
    }

    private static String jdk(HttpClient client, URI uri) throws Exception {
        return client.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .get(5, TimeUnit.SECONDS).body();
    }

    private static String blocking(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void time(int round, String name, int calls, Callable<String> call) throws Exception {
        for (int i = 0; i < calls / 5; i++) {
            call.call();
        }
        List<Long> nanos = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            call.call();
            nanos.add(System.nanoTime() - started);
        }
        nanos.sort(null);
        System.out.printf("round %d, %-58s median %.3f ms, p90 %.3f ms%n", round, name,
                Percentiles.of(nanos, 0.5) / 1e6, Percentiles.of(nanos, 0.9) / 1e6);
    }
}
