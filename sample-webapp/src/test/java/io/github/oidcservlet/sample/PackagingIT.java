package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The two files {@code mvn package} makes, used as a user would use them. */
class PackagingIT {

    private static final Path JAR = Path.of("target/oidc-servlet-sample.jar");
    private static final Path WAR = Path.of("target/oidc-servlet-sample.war");
    private static final Pattern OPEN = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+/)");
    private static final Pattern PROVIDER = Pattern.compile("Demo OpenID Provider at (\\S+) ");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theWarHoldsTheApplicationAndTheFilterButNotTheLauncher() throws IOException {
        try (ZipFile war = new ZipFile(WAR.toFile())) {
            List<String> entries = war.stream().map(ZipEntry::getName).toList();

            assertThat(entries).contains("WEB-INF/web.xml",
                    "WEB-INF/classes/io/github/oidcservlet/sample/web/HomeServlet.class");
            assertThat(entries).filteredOn(name -> name.startsWith("WEB-INF/lib/"))
                    .anyMatch(name -> name.startsWith("WEB-INF/lib/oidc-servlet-filter-"))
                    .anyMatch(name -> name.startsWith("WEB-INF/lib/oidc-servlet-core-"))
                    .anyMatch(name -> name.startsWith("WEB-INF/lib/jackson-databind-2."))
                    .anyMatch(name -> name.startsWith("WEB-INF/lib/nimbus-jose-jwt-"))
                    .noneMatch(name -> name.matches("WEB-INF/lib/(jetty-|jakarta\\.servlet-api|mock-oauth2-server|"
                            + "kotlin-|okhttp|mockwebserver|netty-|bcprov|jackson-databind-3).*"));
            assertThat(entries).noneMatch(name -> name.startsWith("WEB-INF/classes/io/github/oidcservlet/sample/")
                    && !name.startsWith("WEB-INF/classes/io/github/oidcservlet/sample/web/")
                    && name.endsWith(".class"));
            assertThat(entries).doesNotContain("WEB-INF/classes/jetty-logging.properties");
        }
    }

    @Test
    void theExecutableJarServesTheDemoAndStopsCleanlyOnSigterm() throws Exception {
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
        command.environment().keySet().removeIf(name -> name.startsWith("OIDC_"));
        command.environment().put("PORT", "0");
        Process process = command.start();
        Output stdout = new Output(process.getInputStream());
        Output stderr = new Output(process.getErrorStream());
        try {
            URI base = URI.create(stdout.await(OPEN, process, stderr).group(1));
            URI issuer = URI.create(stdout.await(PROVIDER, process, stderr).group(1));

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            assertThat(get(http, base.resolve("/")).statusCode()).isEqualTo(200);
            assertThat(get(http, base.resolve("/public/ping")).body()).isEqualTo("pong");
            assertThat(get(http, base.resolve("/api/me")).statusCode()).isEqualTo(401);
            HttpResponse<String> profile = get(http, base.resolve("/profile"));
            assertThat(profile.statusCode()).isEqualTo(302);
            assertThat(profile.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).startsWith(issuer + "/authorize?"));

            // SIGTERM, through the handle: Process.destroy() would also close our end of its output.
            process.toHandle().destroy();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s of SIGTERM").isTrue();
            assertThat(process.exitValue()).as("exit status after SIGTERM").isEqualTo(128 + 15);
            assertThat(stdout.rest()).contains("oidc-servlet sample stopped.");
            assertThat(stderr.rest()).doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                        .header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A process's output, read line by line as it comes. */
    private static final class Output {

        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        Output(InputStream stream) {
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            }, "jar-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for the next line that matches, skipping the others. */
        Matcher await(Pattern pattern, Process process, Output stderr) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher;
                    }
                } else if (!process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("no line matching " + pattern + " from the jar; stderr:\n" + stderr.rest());
        }

        /** The lines not yet taken, once the stream has ended (or after 5 s). */
        String rest() throws InterruptedException {
            reader.join(5_000);
            StringBuilder text = new StringBuilder();
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                text.append(line).append('\n');
            }
            return text.toString();
        }
    }
}
