package io.github.oidcservlet.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.SampleAppContract;
import io.github.oidcservlet.testkit.TestProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The shared sample contract against one sample WAR on one server, started once for the whole class in a JVM of
 * its own and configured the way a server's users configure the sample: {@code OIDC_*} environment variables. At
 * the end it writes its row of the tested-containers table to {@code target/container-matrix/} (and the output):
 * container, version, front door, checks passed, start-up and contract times; the server's whole log goes to
 * {@code target/server-logs/}.
 */
abstract class ContainerContract extends SampleAppContract {

    @RegisterExtension
    final Tally tally = new Tally();

    private ServerProcess server;
    private long startedNanos;
    private Duration startUp;

    /** The server's name, version and the sample's front door, for the table. */
    abstract String container();

    abstract String version();

    abstract String frontDoor();

    /** Starts the server with the sample deployed at the root and returns it serving, with its root URL. */
    abstract Started launch(Map<String, String> oidcEnvironment) throws Exception;

    /** A server that serves, and its root URL with a trailing slash. */
    record Started(ServerProcess server, URI base) {

        /**
         * Waits until the server on {@code port} of 127.0.0.1 answers the sample's {@code /public/ping}: up, with
         * the application deployed at the root. Ends the server if it does not.
         */
        static Started awaitPing(ServerProcess server, int port) throws InterruptedException {
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            try {
                server.awaitOk(base.resolve("public/ping"));
                return new Started(server, base);
            } catch (RuntimeException | Error | InterruptedException e) {
                server.close();
                throw e;
            }
        }
    }

    @Override
    protected final URI startApplication(TestProvider provider) throws Exception {
        long start = System.nanoTime();
        Started started = launch(environment(providerSettings(provider)));
        server = started.server();
        startUp = Duration.ofNanos(System.nanoTime() - start);
        startedNanos = System.nanoTime();
        return started.base();
    }

    /** The application's settings as the {@code OIDC_*} environment variables its users would set. */
    static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> environment = new TreeMap<>();
        settings.forEach((key, value) ->
                environment.put("OIDC_" + key.replace('-', '_').toUpperCase(Locale.ROOT), value));
        return environment;
    }

    @Override
    protected final void stopApplication() throws Exception {
        Duration contract = Duration.ofNanos(System.nanoTime() - startedNanos);
        try {
            if (server != null) {
                server.close();
                // the whole log, stop included (Tomcat names the threads an application left running)
                Path logs = Files.createDirectories(ServerFiles.fromProperty("containers.target").resolve("server-logs"));
                Files.writeString(logs.resolve(getClass().getSimpleName() + ".log"), server.output(),
                        StandardCharsets.UTF_8);
            }
        } finally {
            if (startUp != null) {
                writeRow(contract);
            }
        }
    }

    /** Every socket the server listens on is on the loopback interface: nothing of a test reachable from outside. */
    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        List<String> listening = Listeners.of(server.handle());
        Assumptions.assumeFalse(listening.isEmpty(), "ss -ltnp is not there to list the server's sockets");

        assertThat(listening).as("the server's listening sockets").allMatch(Listeners::isLoopback);
    }

    @Override
    protected final CharSequence applicationLog() {
        return server == null ? "" : server.output();
    }

    private void writeRow(Duration contract) throws IOException {
        String row = String.format(Locale.ROOT, "| %s | %s | %s | %d/%d | %.1f s | %.1f s |", container(), version(),
                frontDoor(), tally.passed.get(), tally.run.get(), startUp.toMillis() / 1000.0,
                contract.toMillis() / 1000.0);
        System.out.println("container matrix: " + row);
        Path rows = ServerFiles.fromProperty("containers.target").resolve("container-matrix");
        Files.createDirectories(rows);
        Files.writeString(rows.resolve(getClass().getSimpleName() + ".md"), row + "\n", StandardCharsets.UTF_8);
    }

    /** Counts the contract's checks as they finish. */
    static final class Tally implements TestWatcher {
        final AtomicInteger run = new AtomicInteger();
        final AtomicInteger passed = new AtomicInteger();

        @Override
        public void testSuccessful(ExtensionContext context) {
            run.incrementAndGet();
            passed.incrementAndGet();
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            run.incrementAndGet();
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            run.incrementAndGet();
        }

        @Override
        public void testDisabled(ExtensionContext context, Optional<String> reason) {
            // not run
        }
    }
}
