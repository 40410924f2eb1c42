package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.testkit.TestProvider;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An app of the login benchmark in a JVM of its own, every app alike: ours ({@link LoginApp}, from this jar) and
 * the peers ({@code benchmarks/peers}, from the jar named by the system property {@code peers.jar}, default
 * {@code benchmarks/peers/target/peers.jar}), so that no app shares a heap, a JIT or a class path with another,
 * nor with the provider and the browser stand-in. Its standard error goes to {@code login-latency-<app>.log} in the
 * temporary directory; the system property {@code app.jvm} adds JVM options to every app (a profiler).
 */
final class AppProcess implements AutoCloseable {

    private final String app;
    private final Process process;
    private final String base;

    private AppProcess(String app, Process process, String base) {
        this.app = app;
        this.process = process;
        this.base = base;
    }

    static AppProcess start(String app, TestProvider provider) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms256m", "-Xmx256m"));
        // e.g. -Dapp.jvm="-XX:StartFlightRecording=filename=/tmp/%s.jfr" to profile each app (%s: its name)
        String extra = System.getProperty("app.jvm", "").replace("%s", app).trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        switch (app) {
            case "filter", "auto", "bare" -> command.addAll(List.of(System.getProperty("java.class.path"),
                    LoginApp.class.getName(), app, provider.issuer()));
            case "pac4j", "jetty" -> {
                String jar = System.getProperty("peers.jar", "benchmarks/peers/target/peers.jar");
                if (!Files.isRegularFile(Path.of(jar))) {
                    throw new IllegalStateException(jar + " is missing: mvn -B -ntp -q -f benchmarks/peers/pom.xml "
                            + "package");
                }
                command.addAll(List.of(jar, "io.github.oidcservlet.peers."
                        + (app.equals("pac4j") ? "Pac4jPeer" : "JettyOpenIdPeer"), provider.issuer(),
                        TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET));
            }
            default -> throw new IllegalArgumentException("app is filter, auto, bare, pac4j or jetty: " + app);
        }
        File log = new File(System.getProperty("java.io.tmpdir"), "login-latency-" + app + ".log");
        Process process = new ProcessBuilder(command).redirectError(log).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("LISTENING ")) {
            // start-up chatter
        }
        if (line == null) {
            throw new IllegalStateException(app + " ended before it listened; see " + log);
        }
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "drain-" + app);
        drain.setDaemon(true);
        drain.start();
        return new AppProcess(app, process, line.substring("LISTENING ".length()).trim());
    }

    String base() {
        return base;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    @Override
    public String toString() {
        return app + " at " + base;
    }
}
