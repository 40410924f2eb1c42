package io.github.oidcservlet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tiny browser stand-in for integration tests: keeps cookies, never follows redirects on its own, and follows
 * them only when asked. One instance is one browser profile; instances share nothing.
 */
public final class TestBrowser {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            // answers completed on the client's selector thread: no worker pool hands them on, as in a browser
            // (the login benchmark times its hops with this browser)
            .executor(Runnable::run)
            .build();
    private volatile List<URI> lastHops = List.of();

    /**
     * GET with optional headers given as name, value, name, value...
     *
     * @param url the URL
     * @param headerNameValues the header name values
     * @return the answer (redirects are not followed)
     */
    public HttpResponse<String> get(String url, String... headerNameValues) {
        return send(request(URI.create(url), headerNameValues).GET().build());
    }

    /**
     * POST an {@code application/x-www-form-urlencoded} form (UTF-8), with optional extra headers.
     *
     * @param url the URL
     * @param form the form fields
     * @param headerNameValues the header name values
     * @return the answer (redirects are not followed)
     */
    public HttpResponse<String> post(String url, Map<String, String> form, String... headerNameValues) {
        String body = form.entrySet().stream()
                .map(e -> Redirects.encode(e.getKey()) + "=" + Redirects.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(URI.create(url), headerNameValues)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * Follows {@code Location} headers of 3xx answers with GETs, at most {@code maxHops} times, and returns the
     * last response (a 3xx again when the hops ran out). Relative locations resolve against the request URI.
     *
     * @param response the response
     * @param maxHops the maxHops
     * @return the first answer that is not a redirect, or the last after {@code maxHops}
     */
    public HttpResponse<String> follow(HttpResponse<String> response, int maxHops) {
        List<URI> hops = new ArrayList<>();
        HttpResponse<String> current = response;
        while (hops.size() < maxHops && isRedirect(current.statusCode())) {
            String location = current.headers().firstValue("Location").orElse(null);
            if (location == null) {
                break;
            }
            URI next = current.uri().resolve(location);
            hops.add(next);
            current = send(request(next).GET().build());
        }
        lastHops = List.copyOf(hops);
        return current;
    }

    /**
     * The URIs the last {@link #follow} requested, in order (the starting response's URI excluded).
     *
     * @return the URLs the last {@link #follow} visited, in order
     */
    public List<URI> lastHops() {
        return lastHops;
    }

    /**
     * The cookies this browser holds now.
     *
     * @return the cookies the browser holds
     */
    public List<HttpCookie> cookies() {
        return List.copyOf(cookies.getCookieStore().getCookies());
    }

    /** Forgets every cookie, like closing the browser. */
    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private static HttpRequest.Builder request(URI uri, String... headerNameValues) {
        if (headerNameValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name, value pairs: " + List.of(headerNameValues));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        for (int i = 0; i < headerNameValues.length; i += 2) {
            builder.header(headerNameValues[i], headerNameValues[i + 1]);
        }
        return builder;
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

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
