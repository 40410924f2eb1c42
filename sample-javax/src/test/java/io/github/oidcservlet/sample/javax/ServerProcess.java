package io.github.oidcservlet.sample.javax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a JVM of its own (its containers never share a class path with the tests' Jetty 12), configured
 * through {@code OIDC_*} variables as a user would; what it prints is kept for the log tail of a failed test.
 */
final class ServerProcess implements AutoCloseable {

    /** Long enough for a start on a loaded 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final long startedNanos = System.nanoTime();

    private ServerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::read, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java <arguments>} with {@code settings} as {@code OIDC_*} variables and {@code PORT=0}. */
    static ServerProcess java(String name, List<String> arguments, Map<String, String> settings) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("OIDC_"));
        builder.environment().put("PORT", "0");
        settings.forEach((key, value) ->
                builder.environment().put("OIDC_" + key.toUpperCase(Locale.ROOT).replace('-', '_'), value));
        return new ServerProcess(name, builder.start());
    }

    /** Waits for a line of output matching {@code pattern}; fails if the server ends or the time is up. */
    Matcher awaitLine(Pattern pattern) throws InterruptedException {
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output.toString().split("\n")) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with status " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " printed no line matching " + pattern + " within " + START_TIMEOUT
                + ":\n" + output);
    }

    /** Milliseconds from the start of the process to now (the start-up time, once it is up). */
    long millisSinceStart() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** Everything the server printed so far. */
    String output() {
        return output.toString();
    }

    /** SIGTERM, as a service manager stops it; forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
            }
        } catch (IOException ended) {
            // the process ended
        }
    }
}
