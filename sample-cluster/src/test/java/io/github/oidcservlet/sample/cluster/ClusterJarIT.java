package io.github.oidcservlet.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The executable jar as a user runs it: the demo cluster, its printed addresses, and SIGTERM stopping all of it. */
class ClusterJarIT {

    private static final Path JAR = Path.of("target/oidc-servlet-sample-cluster.jar");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theJarServesTheDemoThroughTheBalancerPrintsEveryPortAndStopsEverythingOnSigterm() throws Exception {
        Path output = Files.createTempFile(Path.of("target"), "cluster-jar", ".out");
        ProcessBuilder command = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().keySet().removeIf(name -> name.startsWith("OIDC_"));
        command.environment().put("PORT", "0");
        Process process = command.start();
        try {
            URI base = URI.create(await(output, "open (http://127\\.0\\.0\\.1:\\d+/)", process));
            String text = Files.readString(output, StandardCharsets.UTF_8);
            URI issuer = URI.create(find(text, "Demo OpenID Provider at (\\S+) "));
            URI nodeA = URI.create(find(text, "Node a at (http://127\\.0\\.0\\.1:\\d+/)"));
            URI nodeB = URI.create(find(text, "Node b at (http://127\\.0\\.0\\.1:\\d+/)"));
            int database = Integer.parseInt(find(text, "PostgreSQL at 127\\.0\\.0\\.1:(\\d+) "));

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (URI node : new URI[] {base, nodeA, nodeB}) {
                assertThat(get(http, node.resolve("/public/ping")).body()).as("%s", node).isEqualTo("pong");
            }
            HttpResponse<String> profile = get(http, base.resolve("/profile"));
            assertThat(profile.statusCode()).isEqualTo(302);
            assertThat(profile.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith(issuer + "/authorize?").contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"
                            + base.getPort() + "%2Foidc%2Fcallback"));
            assertThat(accepts(database)).as("PostgreSQL listens").isTrue();

            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
            assertThat(process.exitValue()).isEqualTo(128 + 15);
            String all = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(all).contains("oidc-servlet cluster sample stopped.").doesNotContain("Exception");
            assertThat(accepts(database)).as("PostgreSQL stopped").isFalse();
            assertThat(accepts(base.getPort()) || accepts(nodeA.getPort()) || accepts(nodeB.getPort()))
                    .as("balancer and nodes stopped").isFalse();
            assertThat(accepts(issuer.getPort())).as("demo provider stopped").isFalse();
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static String await(Path output, String regex, Process process) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = Pattern.compile(regex).matcher(Files.readString(output, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + regex + "; output:\n" + Files.readString(output));
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("a line matching %s in:\n%s", regex, text).isTrue();
        return matcher.group(1);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
