package io.github.oidcservlet.sample.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cluster node in a JVM of its own: {@link ClusterNodeMain} from the sample's executable jar, started as a user
 * would ({@code PORT=0}, {@code oidc.*} settings, no {@code OIDC_*} of the test's environment), its output (stdout
 * and stderr) kept for failure messages.
 */
final class NodeProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/oidc-servlet-sample-cluster.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<URI> serving = new CompletableFuture<>();

    private NodeProcess(Process process, String name) {
        this.process = process;
        Pattern started = Pattern.compile("^Node " + Pattern.quote(name) + " at (http://127\\.0\\.0\\.1:\\d+/)");
        Thread reader = new Thread(() -> read(started), "cluster-node-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts node {@code name} with these {@code oidc.*} settings; returns once it serves. */
    static NodeProcess start(String name, Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1"));
        settings.forEach((key, value) -> command.add("-Doidc." + key + "=" + value));
        command.addAll(List.of("-cp", JAR.toString(), ClusterNodeMain.class.getName(), name));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("OIDC_"));
        builder.environment().put("PORT", "0");
        NodeProcess node = new NodeProcess(builder.start(), name);
        try {
            node.serving.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return node;
        } catch (Exception e) {
            node.close();
            throw new AssertionError("node " + name + " did not serve within " + START_TIMEOUT + "; its output:\n"
                    + node.output, e);
        }
    }

    /** Where the node answers directly, with a trailing slash. */
    URI baseUri() {
        return serving.join();
    }

    Process process() {
        return process;
    }

    /** Everything the node printed so far. */
    String output() {
        return output.toString();
    }

    /**
     * Kills the process with {@code SIGKILL} ({@link Process#destroyForcibly()} on Linux), which no code of the node
     * can catch: no shutdown hook, no {@code destroy()}, no flush.
     *
     * @return its exit value, {@code 128 + 9} for a process the signal ended
     */
    int kill() throws InterruptedException, TimeoutException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new TimeoutException("the node's process outlived SIGKILL by 10 s");
        }
        return process.exitValue();
    }

    private void read(Pattern started) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher matcher = started.matcher(line);
                if (matcher.find()) {
                    serving.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            output.append("(reading the node's output failed: ").append(e).append(")\n");
        }
        serving.completeExceptionally(new IllegalStateException("the node's output ended"));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
