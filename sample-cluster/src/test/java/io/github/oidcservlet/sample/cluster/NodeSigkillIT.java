package io.github.oidcservlet.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.oidcservlet.sample.SampleApp;
import io.github.oidcservlet.testkit.LogRecorder;
import io.github.oidcservlet.testkit.SampleAppHarness;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestPostgres;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 §6, a node killed with {@code SIGKILL} mid-session. Node a is a JVM of its own ({@link ClusterNodeMain}
 * from the sample's jar, {@link NodeProcess}); node b and the {@link RoundRobinBalancer} run in this JVM, both nodes
 * on one real PostgreSQL (HTTP sessions in Jetty's JDBC session data store, {@code store=jdbc}) and the testkit
 * provider with refresh-token rotation and reuse detection. Node a serves the login's last request before its death,
 * a refresh that rotates the refresh token, and is killed right after its answer: {@link Process#destroyForcibly()}
 * sends {@code SIGKILL}, which no code of the node can catch, so no shutdown hook, no filter {@code destroy()}, no
 * Jetty stop runs (the exit value 137 and the missing "stopped" line of its shutdown hook say so), and the operating
 * system closes its sockets (its PostgreSQL backends end, as {@code pg_stat_activity} shows). What node b goes on
 * with is only what node a had written to PostgreSQL before answering.
 *
 * <p>The test does not wait for the balancer's probe of {@code /public/ping} (every
 * {@value RoundRobinBalancer#PROBE_MILLIS} ms) after the kill: a request the balancer sends to the dead node gets a
 * refused connection, which takes node a out of the rotation and goes once to node b instead (redispatch), so every
 * request through the balancer is served by node b whether the probe has run yet or not.
 */
class NodeSigkillIT extends SampleAppHarness {

    /** Node a's connections name themselves so (JDBC {@code ApplicationName}), to find them in PostgreSQL. */
    private static final String NODE_A_CONNECTIONS = "cluster-node-a";
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(10);

    private TestPostgres postgres;
    private LogRecorder log;
    private Server balancerServer;
    private RoundRobinBalancer balancer;
    private HikariDataSource nodeBSessions;
    private ClusterNode nodeB;
    private NodeProcess nodeA;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        postgres = TestPostgres.start();
        log = LogRecorder.onRootLogger();
        balancer = new RoundRobinBalancer();
        balancerServer = SampleApp.newServer(0, balancer);
        balancerServer.start();
        URI base = URI.create("http://127.0.0.1:"
                + ((ServerConnector) balancerServer.getConnectors()[0]).getLocalPort() + "/");
        // as ClusterSample configures its nodes, with the provider's settings as a user sets them
        Map<String, String> settings = new HashMap<>(providerSettings(provider));
        settings.put("base-url", base.toString().replaceAll("/$", ""));
        settings.put("store", "jdbc");
        settings.put("store-jdbc-user", postgres.user());
        settings.put("store-jdbc-url", postgres.jdbcUrl());
        // node b first: Jetty creates its session table at the first node's start
        nodeBSessions = ClusterNode.sessionPool("b", postgres.jdbcUrl(), postgres.user(), null);
        nodeB = ClusterNode.start("b", 0, settings, nodeBSessions);
        settings.put("store-jdbc-url", postgres.jdbcUrl() + "?ApplicationName=" + NODE_A_CONNECTIONS);
        nodeA = NodeProcess.start("a", settings);
        balancer.add(nodeA.baseUri());
        balancer.add(nodeB.baseUri());
        return base;
    }

    @Override
    protected void stopApplication() throws Exception {
        AutoCloseable balancerStop = () -> {
            if (balancerServer != null) {
                balancerServer.stop();
            }
        };
        for (AutoCloseable each : new AutoCloseable[] {balancerStop, nodeA, nodeB, nodeBSessions, postgres, log}) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                // stop the rest regardless
            }
        }
    }

    @Override
    protected CharSequence applicationLog() {
        return "Node a (its own JVM), its output:\n" + lastLines(nodeA == null ? "" : nodeA.output(), 30)
                + "\nNode b and the balancer (this JVM), their log:\n"
                + lastLines(log == null ? "" : log.text().toString(), 45);
    }

    @Test
    void aLoginSurvivesNodeAKilledWithSigkillRightAfterItRefreshedAndItsNextRefreshWorksOnNodeB() throws Exception {
        provider.behaviour().rotateRefreshTokens(true).refreshTokenReuseDetection(true);
        // due for refresh from the start (the margin, not a sleep): every request below spends the refresh token
        provider.behaviour().expiresIn(DUE_FOR_REFRESH_SECONDS);
        TestBrowser erin = logIn("erin");
        String session = JettySessionRows.sessionId(erin);
        long savedBefore = JettySessionRows.lastSaved(postgres, session);
        assertThat(nodeAConnections()).as("node a's connections to PostgreSQL").isPositive();
        int logins = provider.count("authorize");

        // node a serves the login's last request: a refresh, whose rotated token it writes before it answers
        int grantsBeforeNodeA = refreshGrants();
        HttpResponse<String> lastOnA = erin.get(nodeA.baseUri().resolve("/api/me").toString());
        assertThat(lastOnA.statusCode()).as("node a: %s", lastOnA.body()).isEqualTo(200);
        assertThat(refreshGrants() - grantsBeforeNodeA).as("node a refreshed").isEqualTo(1);
        int exit = nodeA.kill();

        assertThat(exit).as("exit value of a process ended by SIGKILL").isEqualTo(128 + 9);
        assertThat(nodeA.process().isAlive()).isFalse();
        assertThat(nodeA.output()).as("node a's shutdown hook never ran")
                .doesNotContain("oidc-servlet cluster node a stopped.");
        assertThat(JettySessionRows.lastSaved(postgres, session))
                .as("node a wrote the refreshed login before it answered").isGreaterThan(savedBefore);
        assertThat(await(() -> nodeAConnections() == 0)).as("PostgreSQL ended node a's backends").isTrue();

        // the new token is not due: exactly one refresh after the death, on node b, with the token node a got
        provider.behaviour().expiresIn(300L);
        int grants = refreshGrants();
        long toA = balancer.forwardedTo(nodeA.baseUri());
        long toB = balancer.forwardedTo(nodeB.baseUri());
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> me = erin.get(url("/api/me"));
            assertThat(me.statusCode()).as("request %s after node a died: %s", i, me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"erin\"");
        }

        // round robin over two nodes: node a's turn came up unless the probe was first, either way it is out now
        assertThat(balancer.isUp(nodeA.baseUri())).as("the balancer noticed node a's death").isFalse();
        assertThat(balancer.forwardedTo(nodeB.baseUri()) - toB).as("served by node b").isEqualTo(4);
        assertThat(balancer.forwardedTo(nodeA.baseUri())).as("sent to node a").isEqualTo(toA);
        assertThat(provider.count("authorize")).as("no new login").isEqualTo(logins);
        assertThat(refreshGrants() - grants).as("refresh grants after node a died").isEqualTo(1);
        assertThat(provider.loginsEndedByRefreshTokenReuse()).as("logins ended by a refresh token spent twice")
                .isZero();
    }

    private int nodeAConnections() {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, NODE_A_CONNECTIONS);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + NOTICED_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(RoundRobinBalancer.PROBE_MILLIS / 5);
        }
        return true;
    }

    private static String lastLines(String text, int count) {
        if (text.isEmpty()) {
            return "(nothing)\n";
        }
        String[] lines = text.split("\\R");
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - count), lines.length))
                + "\n";
    }
}
