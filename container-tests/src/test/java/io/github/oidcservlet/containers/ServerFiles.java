package io.github.oidcservlet.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where the servers are, and the small file chores of giving each start a folder and ports of its own. */
final class ServerFiles {

    private ServerFiles() {
    }

    /** A path the build passed as system property {@code name} (see the module's failsafe configuration). */
    static Path fromProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run through Maven (failsafe)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** The filter sample's WAR, as sample-webapp built it. */
    static Path filterWar() {
        return existing(fromProperty("filter.war"));
    }

    /** The Jakarta EE sample's WAR, as sample-jakarta-ee built it. */
    static Path mechanismWar() {
        return existing(fromProperty("mechanism.war"));
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build the samples first (-am)");
        }
        return file;
    }

    /** A new, empty folder under {@code target/runs/} for one start of one server. */
    static Path runDirectory(String server) throws IOException {
        Path runs = fromProperty("containers.target").resolve("runs");
        Files.createDirectories(runs);
        return Files.createTempDirectory(runs, server + "-");
    }

    /**
     * A free port on 127.0.0.1, for servers that must be told one. Outside Linux's ephemeral range (32768-60999),
     * where a parallel process's outgoing connection cannot take it before the server binds it.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000 on 127.0.0.1");
    }

    /** Copies the tree {@code from} into {@code to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                Path target = to.resolve(from.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Replaces {@code from} by {@code to} in {@code file}; fails if {@code from} is not there, so that a server
     * release that changes its configuration fails here and not as a mystery later.
     */
    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /**
     * The environment a forked server starts with: this JVM's, less any {@code OIDC_*} of the machine, plus the
     * application's {@code OIDC_*} settings.
     */
    static Map<String, String> environment(ProcessBuilder builder, Map<String, String> oidcEnvironment) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("OIDC_"));
        environment.putAll(new HashMap<>(oidcEnvironment));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return environment;
    }

    /** The {@code java} of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Deletes {@code directory} and everything in it; a leftover under target/ is harmless. */
    static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            all.forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // left for mvn clean
        }
    }
}
