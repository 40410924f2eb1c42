package io.github.oidcservlet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests and demos: the machine's own binaries (Debian's {@code postgresql} package,
 * {@code /usr/lib/postgresql/<version>/bin}, or the folder named by {@code OIDC_TEST_PG_BIN}), a fresh cluster in a
 * temporary folder, listening on 127.0.0.1 and a free port, with trust authentication for the user
 * {@code postgres}. {@link #close()} stops it at once and deletes the folder.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}). When this JVM runs as root, every
 * server command runs as the unprivileged {@code postgres} user through {@code runuser}, and the folder is handed
 * to that user; an ordinary user runs them directly. Durability is switched off ({@code fsync=off}): the data is
 * thrown away anyway, and a test must not wait for the disk.
 */
public final class TestPostgres implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final String SERVICE_USER = "postgres";

    private final Path binaries;
    private final Path folder;
    private final int port;
    private final boolean asServiceUser;

    private TestPostgres(Path binaries, Path folder, int port, boolean asServiceUser) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
        this.asServiceUser = asServiceUser;
    }

    /**
     * Creates a cluster and starts it; fails with a message naming what to install when no binaries are found.
     *
     * @return the running server; close it when done
     */
    public static TestPostgres start() {
        Path binaries = findBinaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries "
                + "found (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin, or OIDC_TEST_PG_BIN): install "
                + "them with `apt-get install -y postgresql` (./build/test does so when it may)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path folder = Files.createTempDirectory("oidc-test-pg");
            Path data = folder.resolve("data");
            if (root) {
                // the service user must reach its own folder; /tmp itself is world-writable
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
                run(List.of("chown", SERVICE_USER + ":", folder.toString()), false, folder);
            }
            TestPostgres server = new TestPostgres(binaries, folder, freePort(), root);
            server.command(List.of(binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"));
            server.command(List.of(binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                    folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + server.port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off "
                            + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JDBC URL of the {@code postgres} database, for the user {@code postgres} without a password.
     *
     * @return the JDBC URL of the server's database
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /**
     * The user to connect as.
     *
     * @return the database user
     */
    public String user() {
        return "postgres";
    }

    /** {@return the port the server listens on (loopback)} */
    public int port() {
        return port;
    }

    /**
     * The server's own log, for the failure message of a test.
     *
     * @return the server's log so far
     */
    public String log() {
        try {
            Path log = folder.resolve("server.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server immediately and deletes its folder. */
    @Override
    public void close() {
        try {
            command(List.of(binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m",
                    "immediate", "-w", "stop"));
        } finally {
            deleteFolder();
        }
    }

    @Override
    public String toString() {
        return "TestPostgres[" + jdbcUrl() + "]";
    }

    private void command(List<String> command) {
        run(command, asServiceUser, folder);
    }

    private static void run(List<String> command, boolean asServiceUser, Path folder) {
        List<String> full = new ArrayList<>();
        if (asServiceUser) {
            full.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("oidc-test-pg-command", ".out");
            try {
                Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", full) + " did not finish within "
                            + COMMAND_TIMEOUT.toSeconds() + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", full) + " failed (exit " + process.exitValue()
                            + "): " + Files.readString(output, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + full, e);
        }
    }

    /** {@code OIDC_TEST_PG_BIN}, else the newest {@code /usr/lib/postgresql/<version>/bin} with initdb and pg_ctl. */
    static Optional<Path> findBinaries() {
        String configured = System.getenv("OIDC_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(TestPostgres::hasServerBinaries);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin")).filter(TestPostgres::hasServerBinaries)
                    .max(Comparator.comparingInt(TestPostgres::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasServerBinaries(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void deleteFolder() {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing a test for
        }
    }
}
