package io.github.oidcservlet.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak from the unpacked distribution ({@code keycloak.home}), in dev mode on 127.0.0.1 and a free port,
 * with one realm imported. {@link #close()} ends the whole process tree, also after a failed start.
 */
final class KeycloakServer implements AutoCloseable {

    /** Generous for a busy 2-core CI machine (about 20 to 40 s is usual), but bounded. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final URI base;
    private final Path log;

    private KeycloakServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts Keycloak with {@code realmJson} (already adapted to the app's port) as its only import and waits until
     * the realm's discovery document answers.
     */
    static KeycloakServer start(Path home, String realmName, String realmJson) throws Exception {
        // Dev mode keeps its H2 database in data/h2, and --import-realm skips a realm that already exists there:
        // a second run would keep the first run's redirect URI. Start from an empty database every time.
        deleteRecursively(home.resolve("data/h2"));
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(importDir.resolve(realmName + "-realm.json"), realmJson, StandardCharsets.UTF_8);
        int port = freePort();
        Path log = home.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--health-enabled=false")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The same JDK as the tests (Java 17 here), whatever JAVA_HOME the shell had.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
        KeycloakServer server = new KeycloakServer(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
            server.awaitRealm(realmName);
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    URI issuer(String realmName) {
        return base.resolve("/realms/" + realmName);
    }

    private void awaitRealm(String realmName) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer(realmName) + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(discovery)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve " + discovery + " within " + STARTUP_TIMEOUT
                + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ends Keycloak and every process it started: politely, then forcibly. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
