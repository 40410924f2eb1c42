package io.github.oidcservlet.core.internal.provider;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** A real client that refuses {@code sendAsync}: whoever calls through it must wait in its own thread. */
final class SendOnlyClient extends HttpClient {

    private final HttpClient real = HttpClient.newBuilder().version(Version.HTTP_1_1).executor(Runnable::run).build();

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return real.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException("sendAsync completes on the common pool");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        throw new UnsupportedOperationException("sendAsync completes on the common pool");
    }

    @Override public Optional<CookieHandler> cookieHandler() { return real.cookieHandler(); }
    @Override public Optional<Duration> connectTimeout() { return real.connectTimeout(); }
    @Override public Redirect followRedirects() { return real.followRedirects(); }
    @Override public Optional<ProxySelector> proxy() { return real.proxy(); }
    @Override public SSLContext sslContext() { return real.sslContext(); }
    @Override public SSLParameters sslParameters() { return real.sslParameters(); }
    @Override public Optional<Authenticator> authenticator() { return real.authenticator(); }
    @Override public Version version() { return real.version(); }
    @Override public Optional<Executor> executor() { return real.executor(); }
}
