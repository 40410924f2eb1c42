package io.github.oidcservlet.core.internal.logout;

import com.sun.net.httpserver.HttpServer;
import io.github.oidcservlet.core.LogLines;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.token.NoClientAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** Item 5 (no revocation vanishes without a trace) and item 17 (unsupported_token_type is an ordinary answer). */
class TokenRevokerTest {

    private static final String ACCESS_TOKEN = "access-token-value-7c1e";
    private static final String REFRESH_TOKEN = "refresh-token-value-9f2a";

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean block;
    private volatile int status = 200;
    private volatile String body = "";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/revoke", exchange -> {
            exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            if (block) {
                firstArrived.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/revoke");
    }

    private static OidcLogin session() {
        return OidcLogin.builder().subject("u1").principalName("alice").roles(Set.of()).idToken("id.token.value")
                .accessToken(ACCESS_TOKEN).refreshToken(REFRESH_TOKEN).expiresAtMillis(Long.MAX_VALUE).build();
    }

    private TokenRevoker revoker(int threads, int queueBound) {
        return new TokenRevoker(new ProviderHttp(Duration.ofSeconds(5), Duration.ofSeconds(5)),
                new NoClientAuthentication("client"), threads, queueBound);
    }

    @Test
    void beyondTheQueueBoundARevocationIsCountedLoggedAndItsFutureCompletes() throws Exception {
        block = true;
        TokenRevoker revoker = revoker(1, 1);
        try (revoker; LogLines log = LogLines.of(TokenRevoker.class)) {
            CompletableFuture<Void> running = revoker.revokeInBackground(endpoint(), session());
            assertThat(firstArrived.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> queued = revoker.revokeInBackground(endpoint(), session());
            CompletableFuture<Void> overflow = revoker.revokeInBackground(endpoint(), session());

            assertThat(overflow).isDone();
            assertThat(revoker.skipped()).isEqualTo(1);
            assertThat(log.at(Level.WARNING)).singleElement().asString().contains("skipped")
                    .doesNotContain(ACCESS_TOKEN).doesNotContain(REFRESH_TOKEN);

            // Stopping completes what waits, and what runs completes when its call ends.
            revoker.close();
            assertThat(queued).isDone();
            release.countDown();
            running.get(10, TimeUnit.SECONDS);
            assertThat(revoker.revokeInBackground(endpoint(), session())).isDone();
            assertThat(revoker.skipped()).isEqualTo(3);
        }
    }

    @Test
    void closeStopsTheThreads() throws Exception {
        Set<Thread> before = revocationThreads();
        TokenRevoker revoker = revoker(2, 10);
        revoker.revokeInBackground(endpoint(), session()).get(10, TimeUnit.SECONDS);
        Set<Thread> mine = revocationThreads();
        mine.removeAll(before);
        assertThat(mine).isNotEmpty();
        revoker.close();
        for (Thread thread : mine) {
            // bounded wait for the thread to end; without close() it idles on for 30 s
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
        }
    }

    /**
     * Tomcat looks for threads the application left running right after stopping it: close() must not return while
     * an interrupted call is still unwinding, and the interrupt must neither be taken for a provider outage nor be
     * followed by the access token's call.
     */
    @Test
    void closeDuringACallReturnsOnlyOnceTheThreadHasEnded() throws Exception {
        block = true;
        Set<Thread> before = revocationThreads();
        TokenRevoker revoker = revoker(1, 10);
        try (LogLines outages = LogLines.of("io.github.oidcservlet.core.internal.provider.OutageTracker")) {
            CompletableFuture<Void> running = revoker.revokeInBackground(endpoint(), session());
            assertThat(firstArrived.await(5, TimeUnit.SECONDS)).isTrue();

            revoker.close();

            Set<Thread> left = revocationThreads();
            left.removeAll(before);
            assertThat(left).as("revocation threads still alive when close() returned").isEmpty();
            assertThat(running).isDone();
            assertThat(outages.at(Level.WARNING)).as("an interrupt is no outage").isEmpty();
            assertThat(calls.get()).as("the access token's call after the interrupt").isEqualTo(1);
        }
    }

    private static Set<Thread> revocationThreads() {
        Set<Thread> threads = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("oidc-token-revocation") && t.isAlive()).forEach(threads::add);
        return threads;
    }

    @Test
    void unsupportedTokenTypeIsToldOnceAtInfoAndNeverAsAWarning() throws Exception {
        status = 400;
        body = "{\"error\":\"unsupported_token_type\",\"error_description\":\"unsupported token type: access_token\"}";
        TokenRevoker revoker = revoker(1, 10);
        try (LogLines log = LogLines.of(TokenRevoker.class)) {
            for (int i = 0; i < 5; i++) {
                revoker.revokeInBackground(endpoint(), session()).get(10, TimeUnit.SECONDS);
            }
            assertThat(log.at(Level.WARNING)).isEmpty();
            assertThat(log.at(Level.INFO)).singleElement().asString().contains("unsupported_token_type");
        } finally {
            revoker.close();
        }
    }

    @Test
    void anotherRefusalIsStillAWarning() throws Exception {
        status = 401;
        body = "{\"error\":\"invalid_client\"}";
        TokenRevoker revoker = revoker(1, 10);
        try (LogLines log = LogLines.of(TokenRevoker.class)) {
            revoker.revokeInBackground(endpoint(), session()).get(10, TimeUnit.SECONDS);
            List<String> warnings = log.at(Level.WARNING);
            assertThat(warnings).hasSize(2).allMatch(w -> w.contains("HTTP 401"));
        } finally {
            revoker.close();
        }
    }
}
