package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.core.internal.provider.ProviderHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The login benchmark's browser stand-in: cookies, no redirects followed on its own, HTTP/1.1 with kept-alive
 * connections, and answers completed on the client's selector thread, so that the stand-in adds no worker-pool
 * hand-off of its own to every hop (a browser does not have one either). Like {@code TestBrowser} otherwise.
 */
final class LoopBrowser {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .executor(Runnable::run)
            .build();

    HttpResponse<String> get(URI uri, String... headerNameValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        for (int i = 0; i + 1 < headerNameValues.length; i += 2) {
            request.header(headerNameValues[i], headerNameValues[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.formEncode(form)))
                .build());
    }

    /** Forgets every cookie: the next login is a new visitor's. */
    void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }
}
