package io.github.oidcservlet.containers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a JVM of its own, as its users start it: everything it prints is kept (the log tail of a failed
 * test), and {@link #close()} ends it and every process it started, with SIGTERM first, as a service manager would.
 */
final class ServerProcess implements AutoCloseable {

    /** Long enough for the slowest server (Open Liberty, Payara Micro) on a loaded 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final java.nio.file.Path directory;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ServerProcess(String name, Process process, java.nio.file.Path directory) {
        this.name = name;
        this.process = process;
        this.directory = directory;
        this.reader = new Thread(() -> read(process.getInputStream()), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code builder}'s command with its standard error merged into its output; {@code directory} (the
     * server's files for this start) is deleted once it has stopped.
     */
    static ServerProcess start(String name, ProcessBuilder builder, java.nio.file.Path directory) throws IOException {
        builder.redirectErrorStream(true);
        return new ServerProcess(name, builder.start(), directory);
    }

    /** Waits until the output has a line matching {@code pattern}; fails if the server ends or the time is up. */
    Matcher awaitLine(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int from = 0;
        while (System.nanoTime() < deadline) {
            String[] lines = output.substring(from).split("\n", -1);
            for (int i = 0; i < lines.length - 1; i++) {
                Matcher matcher = pattern.matcher(lines[i]);
                if (matcher.find()) {
                    return matcher;
                }
                from += lines[i].length() + 1;
            }
            failIfEnded("printing " + pattern);
            Thread.sleep(100);
        }
        throw new AssertionError(name + " printed no line matching " + pattern + " within " + START_TIMEOUT);
    }

    /** Waits until {@code url} answers 200: the server is up and the application deployed. */
    void awaitOk(URI url) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            failIfEnded("answering " + url);
            try {
                last = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + ": " + url + " did not answer 200 within " + START_TIMEOUT
                + " (last status " + last + ")");
    }

    private void failIfEnded(String waitingFor) {
        if (!process.isAlive()) {
            throw new AssertionError(name + " ended with status " + process.exitValue() + " before " + waitingFor);
        }
    }

    /** The server's process (its launch script's, where a script starts it). */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Everything the server printed so far. */
    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            ServerFiles.deleteQuietly(directory);
        }
    }

    private void stop() throws InterruptedException {
        // The launch scripts (standalone.sh, server) start the JVM as their child: end the whole tree.
        var children = process.descendants().toList();
        // SIGTERM through the handle: Process.destroy() would also close the pipe, and the stop's log with it
        process.toHandle().destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            }
        }
        reader.join(5_000);
    }

    private void read(InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
            }
        } catch (IOException closed) {
            // the process ended
        }
    }
}
