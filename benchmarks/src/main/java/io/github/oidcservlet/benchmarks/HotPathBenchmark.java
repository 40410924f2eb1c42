package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.benchmarks.servlet.BenchFilterConfig;
import io.github.oidcservlet.benchmarks.servlet.BenchRequest;
import io.github.oidcservlet.benchmarks.servlet.BenchSession;
import io.github.oidcservlet.benchmarks.servlet.BenchResponse;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.filter.OidcFilter;
import io.github.oidcservlet.core.internal.web.SessionStore;
import io.github.oidcservlet.testkit.TestPostgres;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An authenticated request through {@link OidcFilter} (valid session, token far from expiry) against the same
 * request through a filter that only passes it on. The difference is what the filter costs an application. With
 * {@code store=jdbc} the engine keeps its shared state in a real PostgreSQL ({@link TestPostgres}, started for the
 * trial): the hot path must cost the same as with {@code memory}, since each node reads ended logins from its own
 * view in memory, which {@code LISTEN/NOTIFY} keeps current.
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

    /** The {@code store} key: {@code memory} (one node) or {@code jdbc} (a cluster's, on PostgreSQL). */
    @Param({"memory", "jdbc"})
    public String store;

    private TestPostgres postgres;

    private Filter oidcFilter;
    private Filter passThrough;
    private BenchRequest request;
    private final BenchResponse response = new BenchResponse();
    private final CapturingChain chain = new CapturingChain();

    @Setup(Level.Trial)
    public void setUp() throws ServletException {
        Map<String, String> params = BenchConfigs.initParams();
        if (store.equals("jdbc")) {
            postgres = TestPostgres.start();
            params.put("store", "jdbc");
            params.put("store-jdbc-url", postgres.jdbcUrl());
            params.put("store-jdbc-user", postgres.user());
        }
        OidcFilter filter = new OidcFilter();
        filter.init(new BenchFilterConfig(params));
        oidcFilter = filter;
        if (postgres != null) {
            requireStoreTables();
        }
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

    /** The store started on this database (it creates its tables at start): no silent fall-back to memory. */
    private void requireStoreTables() {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                ResultSet tables = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'oidc\\_%'")) {
            tables.next();
            if (tables.getInt(1) != 3) {
                throw new IllegalStateException("store=jdbc made " + tables.getInt(1) + " of its 3 tables");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the benchmark's PostgreSQL does not answer", e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        oidcFilter.destroy();
        if (postgres != null) {
            postgres.close();
        }
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
