package io.github.oidcservlet.sample.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.github.oidcservlet.sample.DemoProvider;
import io.github.oidcservlet.sample.LaunchSettings;
import io.github.oidcservlet.sample.SampleApp;
import io.github.oidcservlet.testkit.TestPostgres;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The filter sample as a cluster, at {@code http://127.0.0.1:$PORT/} (default 8080): a PostgreSQL server of its own
 * (from the machine's binaries, its data in a temporary folder), the demo provider unless {@code OIDC_ISSUER} or
 * {@code OIDC_AUTHORIZATION_ENDPOINT} is set, two {@link ClusterNode}s that keep their HTTP sessions and our shared
 * state ({@code store=jdbc}) in that database, and a {@link RoundRobinBalancer} in front. Through the balancer it
 * answers exactly as the filter sample does (paths, {@code PORT}, every {@code OIDC_*} key, the demo provider).
 *
 * <p>PostgreSQL comes from the testkit's {@link TestPostgres}, which the tests of this project use too: the sample,
 * like the demo provider it embeds, is a demonstration that must start with one command, as root (PostgreSQL then
 * runs as the {@code postgres} user) or as anyone else. A real cluster points its nodes at a database of its own.
 */
public final class ClusterSample implements AutoCloseable {

    static final List<String> NODE_NAMES = List.of("a", "b");

    private final TestPostgres postgres;
    private final DemoProvider demoProvider;
    private final Server balancerServer;
    private final RoundRobinBalancer balancer;
    private final URI baseUri;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClusterSample(TestPostgres postgres, DemoProvider demoProvider, Server balancerServer,
            RoundRobinBalancer balancer) {
        this.postgres = postgres;
        this.demoProvider = demoProvider;
        this.balancerServer = balancerServer;
        this.balancer = balancer;
        int port = ((ServerConnector) balancerServer.getConnectors()[0]).getLocalPort();
        this.baseUri = URI.create("http://127.0.0.1:" + port + "/");
    }

    public static void main(String[] args) {
        ClusterSample cluster;
        try {
            cluster = start(LaunchSettings.port(System.getenv()),
                    LaunchSettings.needsDemoProvider(System.getenv(), System.getProperties()), Map.of());
        } catch (Exception e) {
            System.err.println("oidc-servlet cluster sample did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            System.out.println("oidc-servlet cluster sample stopped.");
        }, "oidc-servlet-sample-cluster-shutdown"));
        System.out.println(cluster.instructions());
        cluster.join();
    }

    /**
     * Starts the whole cluster; returns once both nodes and the balancer serve.
     *
     * @param port the balancer's port, 0 for any free one
     * @param extraNodeParameters more filter init-params for every node (tests: a store setting)
     */
    public static ClusterSample start(int port, boolean withDemoProvider, Map<String, String> extraNodeParameters)
            throws Exception {
        TestPostgres postgres = TestPostgres.start();
        ClusterSample cluster = null;
        DemoProvider demo = null;
        try {
            demo = withDemoProvider ? DemoProvider.start() : null;
            RoundRobinBalancer balancer = new RoundRobinBalancer();
            // The balancer binds first: the nodes must know the address browsers use (base-url).
            Server balancerServer = SampleApp.newServer(port, balancer);
            balancerServer.start();
            cluster = new ClusterSample(postgres, demo, balancerServer, balancer);
            Map<String, String> parameters = new HashMap<>(demo == null ? Map.of() : demo.filterParameters());
            // The external address, so that every node builds the same redirect_uri and post-logout address.
            parameters.put("base-url", cluster.baseUri.toString().replaceAll("/$", ""));
            // Our shared state (ended logins, logout-token ids, refresh claims) in the same database.
            parameters.put("store", "jdbc");
            parameters.put("store-jdbc-url", postgres.jdbcUrl());
            parameters.put("store-jdbc-user", postgres.user());
            parameters.putAll(extraNodeParameters);
            // One after the other: Jetty creates its session table at the first node's start.
            for (String name : NODE_NAMES) {
                HikariDataSource pool = ClusterNode.sessionPool(name, postgres.jdbcUrl(), postgres.user(), null);
                cluster.pools.add(pool);
                ClusterNode node = ClusterNode.start(name, 0, parameters, pool);
                cluster.nodes.add(node);
                balancer.add(node.baseUri());
            }
            return cluster;
        } catch (Exception | Error e) {
            if (cluster != null) {
                cluster.close();
            } else {
                if (demo != null) {
                    demo.close();
                }
                postgres.close();
            }
            throw e;
        }
    }

    /** Where browsers go: the balancer, with a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The nodes' own addresses, in the order of {@link #NODE_NAMES}. */
    public List<URI> nodeUris() {
        return nodes.stream().map(ClusterNode::baseUri).toList();
    }

    /** The database holding the HTTP sessions. */
    public TestPostgres postgres() {
        return postgres;
    }

    public Optional<DemoProvider> demoProvider() {
        return Optional.ofNullable(demoProvider);
    }

    RoundRobinBalancer balancer() {
        return balancer;
    }

    /** Ends a node as a crash would ({@link ClusterNode#kill()}); the balancer finds out by itself. */
    public void kill(int index) {
        nodes.get(index).kill();
    }

    String instructions() {
        StringBuilder text = new StringBuilder();
        for (ClusterNode node : nodes) {
            text.append("Node ").append(node.name()).append(" at ").append(node.baseUri())
                    .append(" (the balancer sends requests to each node in turn)\n");
        }
        text.append("PostgreSQL at 127.0.0.1:").append(postgres.port()).append(" (").append(postgres.jdbcUrl())
                .append(", user ").append(postgres.user())
                .append("): both nodes keep their HTTP sessions and store=jdbc there\n");
        return text.append(LaunchSettings.instructions("oidc-servlet cluster sample", baseUri.toString(),
                demoProvider)).toString();
    }

    /** Stops the balancer, the nodes, the demo provider and PostgreSQL (deleting its folder); safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            balancerServer.stop();
        } catch (Exception e) {
            System.err.println("oidc-servlet cluster sample: stopping the balancer failed: " + e.getMessage());
        }
        nodes.forEach(ClusterNode::close);
        pools.forEach(HikariDataSource::close);
        if (demoProvider != null) {
            demoProvider.close();
        }
        postgres.close();
    }

    private void join() {
        try {
            balancerServer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
