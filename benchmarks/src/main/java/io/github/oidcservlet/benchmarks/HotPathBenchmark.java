package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.benchmarks.servlet.BenchFilterConfig;
import io.github.oidcservlet.benchmarks.servlet.BenchRequest;
import io.github.oidcservlet.benchmarks.servlet.BenchSession;
import io.github.oidcservlet.benchmarks.servlet.BenchResponse;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.filter.OidcFilter;
import io.github.oidcservlet.core.internal.web.SessionStore;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An authenticated request through {@link OidcFilter} (valid session, token far from expiry) against the same
 * request through a filter that only passes it on. The difference is what the filter costs an application.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HotPathBenchmark {

    /** A servlet mapped to an exact path, and one mapped to {@code /api/*} (servlet path + path info). */
    @Param({"/profile", "/api/ping"})
    public String path;

    private Filter oidcFilter;
    private Filter passThrough;
    private BenchRequest request;
    private final BenchResponse response = new BenchResponse();
    private final CapturingChain chain = new CapturingChain();

    @Setup
    public void setUp() throws ServletException {
        OidcFilter filter = new OidcFilter();
        filter.init(new BenchFilterConfig(BenchConfigs.initParams()));
        oidcFilter = filter;
        passThrough = (req, res, next) -> next.doFilter(req, res);
        BenchSession session = new BenchSession();
        session.setAttribute(SessionStore.SESSION_ATTRIBUTE, OidcLogin.builder().subject("f9a2c")
                .principalName("alice").roles(Set.of("users", "admin")).idToken("id.token.value")
                .accessToken("access.token.value").refreshToken("refresh.token.value")
                .expiresAtMillis(System.currentTimeMillis() + TimeUnit.HOURS.toMillis(8)).build());
        int star = path.indexOf("/", 1);
        request = path.startsWith("/api/")
                ? new BenchRequest(path.substring(0, star), path.substring(star), session)
                : new BenchRequest(path, null, session);
    }

    @Benchmark
    public Object oidcFilter() throws IOException, ServletException {
        oidcFilter.doFilter(request, response, chain);
        return chain.last;
    }

    @Benchmark
    public Object passThroughFilter() throws IOException, ServletException {
        passThrough.doFilter(request, response, chain);
        return chain.last;
    }

    /** The application: keeps the request it was handed, so nothing is optimized away. */
    static final class CapturingChain implements FilterChain {
        ServletRequest last;

        @Override
        public void doFilter(ServletRequest req, ServletResponse res) {
            last = req;
        }
    }
}
