package io.github.oidcservlet.sample.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.github.oidcservlet.sample.LaunchSettings;
import java.util.Locale;
import java.util.Map;

/**
 * One {@link ClusterNode} in a JVM of its own, for a cluster whose other parts run elsewhere (the tests start node a
 * this way, to kill it with {@code SIGKILL}):
 *
 * <pre>{@code
 * PORT=0 OIDC_ISSUER=... OIDC_CLIENT_ID=... OIDC_BASE_URL=http://127.0.0.1:8080 \
 *   OIDC_STORE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/postgres OIDC_STORE_JDBC_USER=postgres \
 *   java -cp oidc-servlet-sample-cluster.jar io.github.oidcservlet.sample.cluster.ClusterNodeMain a
 * }</pre>
 *
 * The node keeps its HTTP sessions in the database of {@code store-jdbc-url}, and {@code store=jdbc} there too unless
 * {@code store} says otherwise; every other setting is the filter's own ({@code OIDC_*}, {@code oidc.*}); no demo
 * provider. It prints {@code Node NAME at URL} once it serves; SIGTERM stops it and prints that it stopped. The
 * cluster sample's jar and its one command are unchanged: this is a second entry point into the same jar.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("usage: java -cp oidc-servlet-sample-cluster.jar " + ClusterNodeMain.class.getName()
                    + " NODE_NAME (PORT, OIDC_STORE_JDBC_URL and the filter's OIDC_* settings from the environment)");
            System.exit(2);
            return;
        }
        String name = args[0].trim();
        HikariDataSource sessions = null;
        ClusterNode node;
        try {
            int port = LaunchSettings.port(System.getenv());
            String url = setting("store-jdbc-url");
            if (url == null) {
                throw new IllegalArgumentException("OIDC_STORE_JDBC_URL (or oidc.store-jdbc-url) is required: the "
                        + "database of the HTTP sessions");
            }
            sessions = ClusterNode.sessionPool(name, url, setting("store-jdbc-user"), setting("store-jdbc-password"));
            node = ClusterNode.start(name, port, Map.of("store", "jdbc"), sessions);
        } catch (Exception e) {
            if (sessions != null) {
                sessions.close();
            }
            System.err.println("oidc-servlet cluster node " + name + " did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        HikariDataSource pool = sessions;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            pool.close();
            System.out.println("oidc-servlet cluster node " + name + " stopped.");
        }, "oidc-servlet-cluster-node-shutdown"));
        System.out.println("Node " + name + " at " + node.baseUri());
        try {
            node.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A setting as the filter reads it: the system property {@code oidc.KEY} before {@code OIDC_KEY}. */
    private static String setting(String key) {
        String value = System.getProperty("oidc." + key);
        if (value == null || value.isBlank()) {
            value = System.getenv("OIDC_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
