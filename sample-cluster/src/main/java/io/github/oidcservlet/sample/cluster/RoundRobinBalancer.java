package io.github.oidcservlet.sample.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A non-sticky, round-robin reverse proxy: each request goes to the next node that is up, whatever node served the
 * browser before. Jetty's {@link ProxyHandler} does the forwarding (the client's {@code Host} is kept, and
 * {@code Forwarded}/{@code Via} headers are added); this class only chooses. A node is taken out of the rotation when
 * a forwarded request fails to reach it, and a probe of {@code /public/ping} every {@value #PROBE_MILLIS} ms puts
 * it back (or takes it out) as it answers.
 */
final class RoundRobinBalancer extends ProxyHandler {

    static final long PROBE_MILLIS = 250;

    private final List<URI> nodes = new CopyOnWriteArrayList<>();
    private final Map<URI, Boolean> up = new ConcurrentHashMap<>();
    private final Map<URI, AtomicLong> forwarded = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient probeClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cluster-balancer-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** Adds a node to the rotation, as up. */
    void add(URI node) {
        forwarded.put(node, new AtomicLong());
        up.put(node, true);
        nodes.add(node);
    }

    /** How many requests went to {@code node} so far. */
    long forwardedTo(URI node) {
        AtomicLong count = forwarded.get(node);
        return count == null ? 0 : count.get();
    }

    boolean isUp(URI node) {
        return Boolean.TRUE.equals(up.get(node));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        probe.scheduleWithFixedDelay(this::probeAll, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        probe.shutdownNow();
        super.doStop();
    }

    @Override
    protected void onServerToProxyResponseFailure(Request clientToProxyRequest,
            org.eclipse.jetty.client.Request proxyToServerRequest, org.eclipse.jetty.client.Response serverToProxyResponse,
            Response proxyToClientResponse, Callback proxyToClientCallback, Throwable failure) {
        if (serverToProxyResponse == null || serverToProxyResponse.getStatus() == 0) {
            // the node did not answer at all: out of the rotation until the probe finds it again
            up.put(URI.create(proxyToServerRequest.getScheme() + "://" + proxyToServerRequest.getHost() + ":"
                    + proxyToServerRequest.getPort() + "/"), false);
        }
        super.onServerToProxyResponseFailure(clientToProxyRequest, proxyToServerRequest, serverToProxyResponse,
                proxyToClientResponse, proxyToClientCallback, failure);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (nodes.isEmpty()) {
            // still starting: no node to send it to yet
            Response.writeError(request, response, callback, 503);
            return true;
        }
        return super.handle(request, response, callback);
    }

    @Override
    protected HttpURI rewriteHttpURI(Request request) {
        URI node = choose();
        forwarded.get(node).incrementAndGet();
        return HttpURI.build(request.getHttpURI()).scheme("http").host(node.getHost()).port(node.getPort());
    }

    private URI choose() {
        int size = nodes.size();
        for (int i = 0; i < size; i++) {
            URI node = nodes.get(Math.floorMod(next.getAndIncrement(), size));
            if (isUp(node)) {
                return node;
            }
        }
        // none is up: try one anyway, the client gets the proxy's 502
        return nodes.get(Math.floorMod(next.getAndIncrement(), size));
    }

    private void probeAll() {
        for (URI node : nodes) {
            try {
                HttpResponse<Void> answer = probeClient.send(HttpRequest.newBuilder(node.resolve("/public/ping"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                up.put(node, answer.statusCode() == 200);
            } catch (java.io.IOException e) {
                up.put(node, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
