package io.github.oidcservlet.sample.jakartaee;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executable jar ({@code target/oidc-servlet-sample-jakarta-ee.jar}) in a JVM of its own, started as a user
 * would, with a private temporary directory (GlassFish unpacks itself there) and C1 only (faster start).
 */
final class SampleJar implements AutoCloseable {

    static final Path JAR = Path.of("target/oidc-servlet-sample-jakarta-ee.jar");
    private static final Pattern OPEN = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path tmp;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;
    private final URI baseUri;

    private SampleJar(Process process, Path tmp, boolean awaitServing) throws InterruptedException {
        this.process = process;
        this.tmp = tmp;
        this.reader = new Thread(() -> read(process.getInputStream()), "sample-jar-output");
        reader.setDaemon(true);
        reader.start();
        this.baseUri = awaitServing ? URI.create(await(OPEN).group(1)) : null;
    }

    /** Starts the jar with these {@code oidc.*} settings (none: the demo provider) and waits until it serves. */
    static SampleJar start(Map<String, String> settings) throws IOException, InterruptedException {
        return launch(settings, true);
    }

    /** Starts the jar and returns at once, for a start that is expected to fail. */
    static SampleJar launchOnly(Map<String, String> settings) throws IOException, InterruptedException {
        return launch(settings, Map.of(), false);
    }

    /**
     * Starts the jar with these {@code oidc.*} settings and these environment variables (e.g. {@code OIDC_STORE}),
     * and returns at once: {@link #awaitServing()} waits for it, so that several jars can start side by side.
     */
    static SampleJar launch(Map<String, String> settings, Map<String, String> environment)
            throws IOException, InterruptedException {
        return launch(settings, environment, false);
    }

    private static SampleJar launch(Map<String, String> settings, boolean awaitServing)
            throws IOException, InterruptedException {
        return launch(settings, Map.of(), awaitServing);
    }

    private static SampleJar launch(Map<String, String> settings, Map<String, String> environment,
                                    boolean awaitServing) throws IOException, InterruptedException {
        Path tmp = Files.createDirectories(Path.of("target")).resolve("gf-tmp-" + System.nanoTime());
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp.toAbsolutePath()));
        settings.forEach((key, value) -> command.add("-Doidc." + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OIDC_"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(freePort()));
        Process process = builder.start();
        try {
            return new SampleJar(process, tmp, awaitServing);
        } catch (RuntimeException | Error | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    URI baseUri() {
        return baseUri;
    }

    /** Waits until a jar started by {@link #launch(Map, Map)} serves; returns its root URL. */
    URI awaitServing() throws InterruptedException {
        return URI.create(await(OPEN).group(1));
    }

    /** Waits for the next output line matching {@code pattern}; fails with the output so far. */
    Matcher await(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = stdout.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            } else if (!process.isAlive() && stdout.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line matching " + pattern + " from the jar; its output:\n" + output);
    }

    /** Makes {@link #await} look only at lines printed from now on. */
    void forgetOutputSoFar() {
        stdout.clear();
    }

    /** Waits for the process to end by itself; returns its exit status. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("still running; output:\n" + output);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    String output() {
        return output.toString();
    }

    /** SIGTERM, as Ctrl-C or a service manager would; returns the exit status. */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("not stopped within 30 s of SIGTERM; output:\n" + output);
        }
        reader.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                terminate();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
            deleteQuietly(tmp);
        }
    }

    private void read(InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                stdout.add(line);
                output.append(line).append('\n');
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        // GlassFish's embedded listener needs a concrete port; the gap until it binds is short.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover under target/ is harmless
        }
    }
}
