package io.github.oidcservlet.core.internal.provider;

import io.github.oidcservlet.core.ProviderProtocolException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP client of a configured provider. Every call is bounded: {@code connect-timeout} to connect,
 * {@code read-timeout} for the whole answer, so a slow provider gives the user an error page, never a hung
 * request. Redirects are not followed (a token endpoint that redirects is misconfigured).
 */
public final class ProviderHttp {

    /** The default {@code max-response-size}: 1 MiB, far above any discovery document, key set or token response. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    private final HttpClient client;
    private final Duration readTimeout;
    private final long maxResponseBytes;
    private final OutageTracker outages;

    public ProviderHttp(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** @param maxResponseBytes the largest answer body read ({@code max-response-size}); a larger one is a 502 */
    public ProviderHttp(Duration connectTimeout, Duration readTimeout, long maxResponseBytes) {
        this(connectTimeout, readTimeout, maxResponseBytes, Clock.systemUTC());
    }

    /**
     * @param maxResponseBytes the largest answer body read ({@code max-response-size}); a larger one is a 502
     * @param clock            the engine's clock (when outages start and end)
     */
    public ProviderHttp(Duration connectTimeout, Duration readTimeout, long maxResponseBytes, Clock clock) {
        this(HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                // The caller waits for every answer anyway: the answer is read and completed on the client's
                // selector thread instead of being handed to a worker pool first. One thread hand-off less per
                // call; on a busy machine each hand-off waits for a CPU (benchmarks/README.md, "Login latency").
                // It also leaves no worker threads behind: the selector thread is the client's only one.
                .executor(Runnable::run), readTimeout, maxResponseBytes, clock);
    }

    private ProviderHttp(HttpClient.Builder client, Duration readTimeout, long maxResponseBytes, Clock clock) {
        this(withoutApplicationClassLoader(client), readTimeout, maxResponseBytes, clock);
    }

    /**
     * Builds the client under the platform class loader. The JDK client starts its selector thread as it is built,
     * and a new thread inherits the creating thread's context class loader: with the web application's, that thread
     * would hold the application's classes across a redeploy until the client is collected, and Tomcat names it at
     * undeploy ("appears to have started a thread ... but has failed to stop it"). The thread needs no class of ours.
     */
    static HttpClient withoutApplicationClassLoader(HttpClient.Builder client) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return client.build();
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** Calls through the given client (benchmarks hand in one whose answers are in memory). */
    public ProviderHttp(HttpClient client, Duration readTimeout) {
        this(client, readTimeout, DEFAULT_MAX_RESPONSE_BYTES, Clock.systemUTC());
    }

    private ProviderHttp(HttpClient client, Duration readTimeout, long maxResponseBytes, Clock clock) {
        this.client = client;
        this.readTimeout = readTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.outages = new OutageTracker(clock::millis);
    }

    /**
     * Stops the client's threads. Java 21's {@code HttpClient} is {@link AutoCloseable} and stops its selector
     * thread too; on Java 17 that thread ends once the client is unreachable.
     */
    public void close() {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the HTTP client failed", e);
            }
        }
    }

    /** GET with the given header name/value pairs. {@code what} names the call in error messages. */
    public HttpResult get(URI uri, String what, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        return send(withHeaders(request, headers), what);
    }

    /** POST of an {@code application/x-www-form-urlencoded} body. */
    public HttpResult postForm(URI uri, Map<String, String> form, Map<String, String> headers, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
        headers.forEach(request::header);
        return send(request, what);
    }

    /** {@code application/x-www-form-urlencoded} serialization (HTML 4.01 §17.13.4, as RFC 6749 Appendix B uses). */
    public static String formEncode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResult send(HttpRequest.Builder request, String what) {
        HttpRequest built = request.timeout(readTimeout).build();
        String endpoint = endpoint(built.uri());
        try {
            HttpResult result = exchange(built, what, endpoint);
            if (result.status() >= 500) {
                outages.down(endpoint, "the " + what + " at " + endpoint + " answers HTTP " + result.status());
            } else {
                outages.up(endpoint);
            }
            return result;
        } catch (ProviderUnavailableException e) {
            // An interrupt is this application stopping, not the provider failing.
            if (!Thread.currentThread().isInterrupted()) {
                outages.down(endpoint, e.getMessage());
            }
            throw e;
        }
    }

    /**
     * One call, answered in the calling thread. {@code HttpClient.send}, not {@code sendAsync}: the JDK's public
     * {@code sendAsync} completes every answer once more on the common pool (on a machine of two CPUs or fewer, on
     * a new thread per call), a hand-off that on a busy machine waits for a CPU (benchmarks/README.md, "Login
     * latency"). The request timeout bounds the wait for the headers; the body is then awaited here, within what is
     * left of the same bound, so that a provider that stops sending mid-body still gets its read-timeout.
     */
    private HttpResult exchange(HttpRequest built, String what, String endpoint) {
        long deadline = System.nanoTime() + readTimeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(250);
        CompletableFuture<String> body = null;
        try {
            HttpResponse<CompletableFuture<String>> response = client.send(built, CappedBody.handler(maxResponseBytes));
            body = response.body();
            String text = body.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new HttpResult(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), text);
        } catch (TimeoutException e) {
            body.cancel(true);
            throw new ProviderUnavailableException("The " + what + " at " + endpoint
                    + " did not answer within " + readTimeout.toSeconds() + " s (read-timeout)", e);
        } catch (InterruptedException e) {
            if (body != null) {
                body.cancel(true);
            }
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while calling the " + what, e);
        } catch (ExecutionException e) {
            throw failed(what, endpoint, e.getCause());
        } catch (IOException e) {
            throw failed(what, endpoint, e);
        }
    }

    private RuntimeException failed(String what, String endpoint, Throwable cause) {
        if (cause instanceof CappedBody.TooLarge) {
            // Not retried as an outage: the same answer would come again. The provider answered, wrongly.
            return new ProviderProtocolException("The " + what + " at " + endpoint + " answered more than "
                    + maxResponseBytes + " bytes (max-response-size)", cause);
        }
        String reason = cause instanceof java.net.http.HttpConnectTimeoutException ? "could not be connected to in time (connect-timeout)"
                : cause instanceof java.net.http.HttpTimeoutException ? "did not answer in time (read-timeout)"
                : cause instanceof IOException ? "could not be reached (" + cause.getClass().getSimpleName() + ")"
                : "failed (" + cause.getClass().getSimpleName() + ")";
        return new ProviderUnavailableException("The " + what + " at " + endpoint + " " + reason, cause);
    }

    /** The endpoint without its query, which may carry codes or tokens. */
    static String endpoint(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
