package io.github.oidcservlet.sample.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.oidcservlet.sample.SampleApp;
import java.net.URI;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.JDBCSessionDataStoreFactory;
import org.eclipse.jetty.session.NullSessionCache;

/**
 * One node of the cluster: the filter sample's web application ({@link SampleApp#webApplication}) on its own Jetty
 * server and port, with its HTTP sessions in Jetty's JDBC session data store.
 *
 * <p>The balancer in front does not stick a browser to a node, so a node must never answer from a copy of a session
 * that another node has changed since. Jetty's default session cache keeps sessions in memory between requests and
 * would do exactly that; the {@link NullSessionCache} keeps nothing, and every request reads its session from the
 * database. Two more settings close the gaps a non-sticky balancer opens: a new session is written at once (the
 * pending login of a redirect to the provider must be in the database before the browser comes back, perhaps to the
 * other node), and a changed session is written before the response is committed, not after it has been sent (else
 * the browser's next request, the redirect after a login, can reach the other node before the write).
 */
final class ClusterNode implements AutoCloseable {

    /** How long an unchanged session may go without its access time written (Jetty's savePeriod). */
    static final int SAVE_PERIOD_SECONDS = 60;

    private final String name;
    private final Server server;
    private final URI baseUri;

    private ClusterNode(String name, Server server, URI baseUri) {
        this.name = name;
        this.server = server;
        this.baseUri = baseUri;
    }

    /**
     * Starts a node on 127.0.0.1.
     *
     * @param port the node's own port, 0 for any free one
     * @param filterParameters the filter's init-params (the lowest precedence: {@code OIDC_*} and {@code oidc.*} win)
     * @param sessions where the HTTP sessions live, shared by every node
     */
    static ClusterNode start(String name, int port, Map<String, String> filterParameters, DataSource sessions)
            throws Exception {
        ServletContextHandler application = SampleApp.webApplication(filterParameters);
        Server server = SampleApp.newServer(port, application);
        // No worker name in the session id: it routes sticky balancers (id.node1), and this one does not stick.
        DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
        ids.setWorkerName("");
        server.addBean(ids, true);
        storeSessionsIn(application.getSessionHandler(), sessions);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        int bound = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return new ClusterNode(name, server, URI.create("http://127.0.0.1:" + bound + "/"));
    }

    /** The pool node {@code name} draws its session connections from (the store opens one per operation). */
    static HikariDataSource sessionPool(String name, String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sessions-node-" + name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    private static void storeSessionsIn(SessionHandler handler, DataSource sessions) {
        DatabaseAdaptor database = new DatabaseAdaptor();
        database.setDatasource(sessions);
        JDBCSessionDataStoreFactory store = new JDBCSessionDataStoreFactory();
        store.setDatabaseAdaptor(database);
        // A changed session is written at the end of its request whatever this says. An unchanged one is written
        // too with the default of 0 s: each request moves its expiry, so each request was a database write (measured
        // by ClusterWritesBench). Now only once a minute per session, well inside the session timeout.
        store.setSavePeriodSec(SAVE_PERIOD_SECONDS);
        NullSessionCache cache = new NullSessionCache(handler);
        cache.setSessionDataStore(store.getSessionDataStore(handler));
        cache.setSaveOnCreate(true);
        cache.setFlushOnResponseCommit(true);
        handler.setSessionCache(cache);
    }

    String name() {
        return name;
    }

    /** Where the node answers directly, with a trailing slash. */
    URI baseUri() {
        return baseUri;
    }

    /**
     * Ends the node the way a crash would, as far as one JVM allows: its listening socket is closed first, so that
     * no new connection reaches it, and then it stops without a grace period, which closes the open connections
     * without waiting for requests in progress. The web application's shutdown still runs (the filter's engine and
     * store are closed); nothing it held is handed over, and what survives is what was in PostgreSQL already. A real
     * {@code SIGKILL} needs the node in a process of its own: {@link ClusterNodeMain}.
     */
    void kill() {
        for (Connector connector : server.getConnectors()) {
            ((ServerConnector) connector).close();
        }
        server.setStopTimeout(0);
        close();
    }

    /** Waits until the node has stopped. */
    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("oidc-servlet cluster sample: stopping node " + name + " failed: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "node " + name + " at " + baseUri;
    }
}
