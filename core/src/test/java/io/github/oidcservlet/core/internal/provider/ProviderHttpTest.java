package io.github.oidcservlet.core.internal.provider;

import io.github.oidcservlet.core.ProviderProtocolException;
import com.sun.net.httpserver.HttpServer;
import io.github.oidcservlet.core.LogLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds of every provider call: the body cap (item 10) and the outage log (item 19). */
class ProviderHttpTest {

    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile boolean announceLength = true;
    private final CountDownLatch released = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stalls", exchange -> {
            // headers and the first 10 of 100 announced bytes, then nothing until the test ends
            exchange.sendResponseHeaders(200, 100);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"a\":\"bcd\"".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // 0 means chunked: the size is then only found while reading
            exchange.sendResponseHeaders(status, announceLength ? bytes.length : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private ProviderHttp http(long maxBytes) {
        return new ProviderHttp(Duration.ofSeconds(5), Duration.ofSeconds(5), maxBytes);
    }

    @Test
    void readsAnAnswerUpToTheCap() {
        body = "x".repeat(4096);
        assertThat(http(4096).get(uri("/jwks"), "JWKS endpoint").body()).hasSize(4096);
    }

    @Test
    void anAnnouncedAnswerOverTheCapIsAProtocolFaultNamingTheEndpointAndTheKey() {
        body = "x".repeat(4097);
        assertThatThrownBy(() -> http(4096).get(uri("/jwks?x=secret"), "JWKS endpoint"))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("JWKS endpoint at " + uri("/jwks"))
                .hasMessageContaining("max-response-size")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aChunkedAnswerOverTheCapStopsWhileReading() {
        announceLength = false;
        body = "y".repeat(3 * 1024 * 1024);
        assertThatThrownBy(() -> http(ProviderHttp.DEFAULT_MAX_RESPONSE_BYTES).get(uri("/userinfo"), "userinfo endpoint"))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("userinfo endpoint")
                .hasMessageContaining("1048576 bytes (max-response-size)");
    }

    @Test
    void aBodyThatStopsMidwayEndsWithinTheReadTimeout() {
        ProviderHttp http = new ProviderHttp(Duration.ofSeconds(5), Duration.ofSeconds(1), 4096);

        assertThatThrownBy(() -> http.get(uri("/stalls"), "token endpoint"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("token endpoint at " + uri("/stalls"))
                .hasMessageContaining("read-timeout");
    }

    @Test
    void theCallerWaitsInItsOwnThreadWithoutSendAsync() {
        // The JDK's public sendAsync completes each answer once more on the common pool (with two CPUs or fewer,
        // on a new thread per call): a hand-off per provider call. This client refuses it.
        ProviderHttp http = new ProviderHttp(new SendOnlyClient(), Duration.ofSeconds(5));

        assertThat(http.get(uri("/jwks"), "JWKS endpoint").body()).isEqualTo("{}");
    }

    @Test
    void callsStartNoThreadEach() {
        ProviderHttp http = http(ProviderHttp.DEFAULT_MAX_RESPONSE_BYTES);
        for (int i = 0; i < 3; i++) {
            http.get(uri("/jwks"), "JWKS endpoint");
        }
        long before = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        for (int i = 0; i < 20; i++) {
            http.get(uri("/jwks"), "JWKS endpoint");
        }
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - before;

        // sendAsync started one per call on this project's 2-CPU build machine (the common pool's stand-in)
        assertThat(started).isLessThan(20);
    }

    @Test
    void logsAnOutageOnceWhenItStartsAndOnceWhenItEndsNamingTheUrl() {
        ProviderHttp http = http(ProviderHttp.DEFAULT_MAX_RESPONSE_BYTES);
        try (LogLines log = LogLines.of(OutageTracker.class)) {
            status = 503;
            for (int i = 0; i < 20; i++) {
                assertThat(http.get(uri("/.well-known/openid-configuration"), "discovery document").status())
                        .isEqualTo(503);
            }
            status = 200;
            for (int i = 0; i < 20; i++) {
                http.get(uri("/.well-known/openid-configuration"), "discovery document");
            }
            assertThat(log.at(Level.WARNING)).singleElement().asString()
                    .contains(uri("/.well-known/openid-configuration").toString()).contains("503");
            assertThat(log.at(Level.INFO)).singleElement().asString()
                    .contains(uri("/.well-known/openid-configuration").toString()).contains("answers again");
        }
    }

    @Test
    void anUnreachableProviderIsAnOutageToo() throws IOException {
        URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/token");
        }
        ProviderHttp http = http(ProviderHttp.DEFAULT_MAX_RESPONSE_BYTES);
        try (LogLines log = LogLines.of(OutageTracker.class)) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> http.get(closed, "token endpoint"))
                        .isInstanceOf(ProviderUnavailableException.class);
            }
            assertThat(log.at(Level.WARNING)).singleElement().asString().contains(closed.toString());
        }
    }
}
