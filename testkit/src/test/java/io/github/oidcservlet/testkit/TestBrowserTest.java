package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TestBrowserTest {

    @Test
    void answersReachTheCallerWithoutAWorkerPool() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            java.util.Set<String> before = threadNames();
            TestBrowser browser = new TestBrowser();
            for (int i = 0; i < 3; i++) {
                assertThat(browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/").statusCode())
                        .isEqualTo(204);
            }

            // the JDK client names its pool's threads HttpClient-<id>-Worker-<n>; the login benchmark times its
            // hops with this browser, which must add no hand-off a browser does not have
            java.util.Set<String> started = threadNames();
            started.removeAll(before);
            assertThat(started).noneMatch(name -> name.matches("HttpClient-\\d+-Worker-\\d+"));
        } finally {
            server.stop(0);
        }
    }

    private static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().forEach(thread -> names.add(thread.getName()));
        return names;
    }

    @Test
    void followsRelativeRedirectsAndKeepsCookies() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/start", exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
            exchange.getResponseHeaders().add("Location", "next/step");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/next/step", exchange -> {
            String cookie = String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"));
            byte[] body = cookie.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            TestBrowser browser = new TestBrowser();

            HttpResponse<String> first = browser.get(base + "/start");
            HttpResponse<String> last = browser.follow(first, 5);

            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(last.statusCode()).isEqualTo(200);
            assertThat(last.body()).contains("session=abc");
            assertThat(browser.lastHops()).containsExactly(URI.create(base + "/next/step"));
        } finally {
            server.stop(0);
        }
    }
}
