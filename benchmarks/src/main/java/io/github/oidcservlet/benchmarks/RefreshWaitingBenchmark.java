package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.benchmarks.servlet.BenchFilterConfig;
import io.github.oidcservlet.benchmarks.servlet.BenchRequest;
import io.github.oidcservlet.benchmarks.servlet.BenchSession;
import io.github.oidcservlet.benchmarks.servlet.BenchResponse;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.filter.OidcFilter;
import io.github.oidcservlet.core.internal.web.SessionStore;

import jakarta.servlet.ServletException;


import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The waiting path: an authenticated request whose access token is inside {@code refresh-margin} (still valid)
 * while another request of the same session is already refreshing it. The refresh hangs on a token endpoint that
 * never answers, so every measured request meets a refresh under way. Compare with {@link HotPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RefreshWaitingBenchmark {

    private ServerSocket silentTokenEndpoint;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private OidcFilter filter;
    private BenchRequest request;
    private Thread refresher;
    private final BenchResponse response = new BenchResponse();
    private final HotPathBenchmark.CapturingChain chain = new HotPathBenchmark.CapturingChain();

    @Setup
    public void setUp() throws Exception {
        silentTokenEndpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CountDownLatch refreshOnTheWire = new CountDownLatch(1);
        Thread acceptor = new Thread(() -> {
            try {
                while (!silentTokenEndpoint.isClosed()) {
                    held.add(silentTokenEndpoint.accept());
                    refreshOnTheWire.countDown();
                }
            } catch (IOException closed) {
                // teardown
            }
        }, "silent-token-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();

        Map<String, String> params = new java.util.LinkedHashMap<>(BenchConfigs.initParams());
        params.put("token-endpoint", "http://127.0.0.1:" + silentTokenEndpoint.getLocalPort() + "/token");
        params.put("read-timeout", "3600");
        filter = new OidcFilter();
        filter.init(new BenchFilterConfig(params));

        BenchSession session = new BenchSession();
        // 28 s left: inside the 30 s refresh-margin, still valid for the whole measurement
        session.setAttribute(SessionStore.SESSION_ATTRIBUTE, OidcLogin.builder().subject("f9a2c")
                .principalName("alice").roles(Set.of("users")).idToken("id.token.value")
                .accessToken("access.token.value").refreshToken("refresh.token.value")
                .expiresAtMillis(System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(28)).build());
        request = new BenchRequest("/profile", null, session);

        refresher = new Thread(() -> {
            try {
                filter.doFilter(request, response, (req, res) -> { });
            } catch (IOException | ServletException e) {
                // the refresh fails when the silent endpoint closes at teardown
            }
        }, "the-refreshing-request");
        refresher.setDaemon(true);
        refresher.start();
        if (!refreshOnTheWire.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the refresh never reached the token endpoint");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        silentTokenEndpoint.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Benchmark
    public Object requestWhileAnotherRefreshes() throws IOException, ServletException {
        filter.doFilter(request, response, chain);
        return chain.last;
    }

}
