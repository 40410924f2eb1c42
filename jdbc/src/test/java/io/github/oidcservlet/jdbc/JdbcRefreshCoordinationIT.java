package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshOutcome;
import io.github.oidcservlet.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 §3: one refresh per login across two nodes, each request holding its own deserialized copy. */
class JdbcRefreshCoordinationIT {

    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    /** A refresh that counts its grants and takes a while, so the other requests arrive while it runs. */
    private static Function<OidcLogin, RefreshOutcome> countingRefresh(AtomicInteger grants, CountDownLatch hold) {
        return login -> {
            grants.incrementAndGet();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new RefreshOutcome.Refreshed(login.toBuilder().accessToken("at-refreshed-" + grants.get())
                    .refreshToken("rt-rotated").expiresAtMillis(System.currentTimeMillis() + 300_000).build());
        };
    }

    @Test
    void twoNodesRefreshingOneLoginConcurrentlyMakeOneGrantAndAllGetTheSameRefreshedLogin() throws Exception {
        String prefix = Nodes.freshPrefix();
        Duration linger = Duration.ofSeconds(30);
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix), Clock.systemUTC(),
                Duration.ofSeconds(20), linger);
             JdbcStores b = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix), Clock.systemUTC(),
                     Duration.ofSeconds(20), linger)) {
            OidcLogin login = Nodes.login("alice", "sid-1");
            AtomicInteger grants = new AtomicInteger();
            CountDownLatch hold = new CountDownLatch(1);
            Function<OidcLogin, RefreshOutcome> refresh = countingRefresh(grants, hold);
            ExecutorService requests = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<RefreshOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    JdbcStores node = i % 2 == 0 ? a : b;
                    outcomes.add(requests.submit(() -> {
                        go.await();
                        return node.refreshCoordination().run(Nodes.copy(login), false, refresh);
                    }));
                }
                go.countDown();
                // the grant has started on one node; let it finish once both nodes wait for it
                assertThat(Nodes.millisUntil(() -> grants.get() == 1, Duration.ofSeconds(10))).isNotNegative();
                Thread.sleep(300);
                hold.countDown();
                List<String> tokens = new ArrayList<>();
                for (Future<RefreshOutcome> outcome : outcomes) {
                    assertThat(outcome.get()).isInstanceOf(RefreshOutcome.Refreshed.class);
                    OidcLogin refreshed = ((RefreshOutcome.Refreshed) outcome.get()).session();
                    assertThat(refreshed.isLoginOf(login)).isTrue();
                    tokens.add(refreshed.accessToken() + " " + refreshed.refreshToken());
                }
                assertThat(grants.get()).isEqualTo(1);
                assertThat(tokens).containsOnly("at-refreshed-1 rt-rotated");
            } finally {
                requests.shutdownNow();
            }
        }
    }

    @Test
    void concurrentRequestsOfOneLoginOnOneNodeMakeOneClaimInTheDatabase() throws Exception {
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", Nodes.freshPrefix()),
                Clock.systemUTC(), Duration.ofSeconds(20), Duration.ofSeconds(30))) {
            OidcLogin login = Nodes.login("alice", "sid-1");
            AtomicInteger grants = new AtomicInteger();
            CountDownLatch hold = new CountDownLatch(1);
            Function<OidcLogin, RefreshOutcome> refresh = countingRefresh(grants, hold);
            long before = a.statementCount();
            ExecutorService requests = Executors.newFixedThreadPool(8);
            try {
                List<Future<RefreshOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    outcomes.add(requests.submit(() -> a.refreshCoordination().run(Nodes.copy(login), false,
                            refresh)));
                }
                assertThat(Nodes.millisUntil(() -> grants.get() == 1, Duration.ofSeconds(10))).isNotNegative();
                Thread.sleep(200);
                hold.countDown();
                for (Future<RefreshOutcome> outcome : outcomes) {
                    assertThat(outcome.get()).isInstanceOf(RefreshOutcome.Refreshed.class);
                }
            } finally {
                requests.shutdownNow();
            }
            // the claim and the outcome; the delete comes after the linger
            assertThat(a.statementCount() - before).isEqualTo(2);
            assertThat(grants.get()).isEqualTo(1);
        }
    }

    @Test
    void aLoginTheProviderEndedEndsOnTheWaitingNodeToo() throws Exception {
        String prefix = Nodes.freshPrefix();
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix));
             JdbcStores b = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix))) {
            OidcLogin login = Nodes.login("alice", "sid-1");
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch hold = new CountDownLatch(1);
            AtomicInteger grants = new AtomicInteger();
            ExecutorService requests = Executors.newFixedThreadPool(2);
            try {
                Future<RefreshOutcome> onA = requests.submit(() -> a.refreshCoordination().run(Nodes.copy(login),
                        false, session -> {
                            grants.incrementAndGet();
                            running.countDown();
                            await(hold);
                            return new RefreshOutcome.Ended("invalid_grant");
                        }));
                running.await();
                Future<RefreshOutcome> onB = requests.submit(() -> b.refreshCoordination().run(Nodes.copy(login),
                        false, session -> {
                            grants.incrementAndGet();
                            return new RefreshOutcome.Refreshed(session);
                        }));
                Thread.sleep(200);
                hold.countDown();
                assertThat(onA.get()).isInstanceOf(RefreshOutcome.Ended.class);
                assertThat(onB.get()).isEqualTo(new RefreshOutcome.Ended("invalid_grant"));
                assertThat(grants.get()).isEqualTo(1);
            } finally {
                requests.shutdownNow();
            }
        }
    }

    @Test
    void theOutcomeAndItsTokensAreDeletedAfterTheLinger() throws Exception {
        String prefix = Nodes.freshPrefix();
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix), Clock.systemUTC(),
                Duration.ofSeconds(10), Duration.ofMillis(300))) {
            OidcLogin login = Nodes.login("alice", "sid-1");
            long before = a.statementCount();
            RefreshOutcome outcome = a.refreshCoordination().run(login, false,
                    session -> new RefreshOutcome.Refreshed(session.toBuilder().accessToken("at-2").build()));
            assertThat(outcome).isInstanceOf(RefreshOutcome.Refreshed.class);
            assertThat(claimRows(prefix)).isEqualTo(1);
            assertThat(Nodes.millisUntil(() -> claimRows(prefix) == 0, Duration.ofSeconds(10))).isNotNegative();
            // claim, outcome, delete
            assertThat(a.statementCount() - before).isEqualTo(3);
        }
    }

    @Test
    void aClaimWhoseNodeDiedIsTakenOverOnceItRunsOut() throws Exception {
        String prefix = Nodes.freshPrefix();
        Nodes.MovableClock clock = new Nodes.MovableClock(Instant.now());
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix), clock,
                Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            OidcLogin login = Nodes.login("alice", "sid-1");
            // a node claimed the refresh and died: its claim holds for the wait
            try (Connection connection = connect();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + prefix + "refresh_claims "
                         + "(login_id, generation, owner, expires_at) VALUES (?, ?, 'dead-node', ?)")) {
                insert.setString(1, login.loginId());
                insert.setString(2, login.generation());
                insert.setLong(3, clock.millis() + 1_000);
                insert.executeUpdate();
            }
            AtomicInteger grants = new AtomicInteger();
            Function<OidcLogin, RefreshOutcome> refresh = session -> {
                grants.incrementAndGet();
                return new RefreshOutcome.Refreshed(session.toBuilder().accessToken("at-2").build());
            };
            assertThat(a.refreshCoordination().run(Nodes.copy(login), false, refresh))
                    .as("while the claim holds, the node waits for it, then gives up")
                    .isInstanceOf(RefreshOutcome.Unavailable.class);
            assertThat(grants.get()).isZero();

            clock.advance(Duration.ofSeconds(5));
            assertThat(a.refreshCoordination().run(Nodes.copy(login), false, refresh))
                    .isInstanceOf(RefreshOutcome.Refreshed.class);
            assertThat(grants.get()).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
    }

    private static int claimRows(String prefix) {
        try (Connection connection = connect();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + prefix
                     + "refresh_claims");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
