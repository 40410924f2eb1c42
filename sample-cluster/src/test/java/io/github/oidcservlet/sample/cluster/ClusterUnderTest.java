package io.github.oidcservlet.sample.cluster;

import io.github.oidcservlet.testkit.LogRecorder;
import java.net.URI;
import java.util.Map;

/**
 * The cluster sample in this JVM, configured the way a user configures the jar ({@code oidc.*} system properties,
 * which every node's filter reads at start), with what the nodes log captured for failure messages.
 */
final class ClusterUnderTest implements AutoCloseable {

    private final Map<String, String> settings;
    private final LogRecorder log;
    private final ClusterSample cluster;

    private ClusterUnderTest(Map<String, String> settings, LogRecorder log, ClusterSample cluster) {
        this.settings = settings;
        this.log = log;
        this.cluster = cluster;
    }

    /** Starts PostgreSQL, both nodes and the balancer, the nodes configured with {@code settings}. */
    static ClusterUnderTest start(Map<String, String> settings) throws Exception {
        LogRecorder log = LogRecorder.onRootLogger();
        settings.forEach((key, value) -> System.setProperty("oidc." + key, value));
        try {
            return new ClusterUnderTest(settings, log, ClusterSample.start(0, false, Map.of()));
        } catch (Exception | Error e) {
            clear(settings);
            log.close();
            throw e;
        }
    }

    ClusterSample cluster() {
        return cluster;
    }

    /** The balancer's address, with a trailing slash. */
    URI baseUri() {
        return cluster.baseUri();
    }

    CharSequence log() {
        return log.text();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } finally {
            clear(settings);
            log.close();
        }
    }

    private static void clear(Map<String, String> settings) {
        settings.keySet().forEach(key -> System.clearProperty("oidc." + key));
    }
}
