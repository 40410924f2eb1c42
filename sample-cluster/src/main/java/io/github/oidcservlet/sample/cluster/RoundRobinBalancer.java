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
 * a forwarded request gets no answer from it, and a probe of {@code /public/ping} every {@value #PROBE_MILLIS} ms
 * puts it back (or takes it out) as it answers.
 *
 * <p>A request that got no answer goes once to the next node that is up, as HAProxy's {@code retries} with
 * {@code option redispatch} do, when {@link Redispatch} finds it safe: a refused connection (nothing was sent, so any
 * method, a POST with its body included), or a GET or HEAD without a body whose connection was reset or closed
 * before the first byte of an answer. A node that answered, even with a 500, is never asked again, nor is anything
 * resent once the client got a byte. So a request that reaches a node in the instant it dies is served by another
 * instead of getting a 502; with no other node up, or a second failure, the client gets Jetty's 502.
 */
final class RoundRobinBalancer extends ProxyHandler {

    static final long PROBE_MILLIS = 250;
    private static final String REDISPATCH_TO = RoundRobinBalancer.class.getName() + ".redispatchTo";

    private final List<URI> nodes = new CopyOnWriteArrayList<>();
    private final Map<URI, Boolean> up = new ConcurrentHashMap<>();
    private final Map<URI, AtomicLong> forwarded = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Duration probeEvery;
    private final HttpClient probeClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cluster-balancer-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** A balancer whose probe asks each node every {@value #PROBE_MILLIS} ms. */
    RoundRobinBalancer() {
        this(Duration.ofMillis(PROBE_MILLIS));
    }

    /** A balancer whose probe asks each node every {@code probeEvery} (tests keep the probe out of their way). */
    RoundRobinBalancer(Duration probeEvery) {
        this.probeEvery = probeEvery;
    }

    /** Adds a node to the rotation, as up. */
    void add(URI node) {
        forwarded.put(node, new AtomicLong());
        up.put(node, true);
        nodes.add(node);
    }

    /** How many requests went to {@code node} so far, not counting those it gave no answer to. */
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
        long every = probeEvery.toMillis();
        probe.scheduleWithFixedDelay(this::probeAll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        probe.shutdownNow();
        super.doStop();
    }

    @Override
    protected org.eclipse.jetty.client.Request.Content newProxyToServerRequestContent(Request clientToProxyRequest,
            Response proxyToClientResponse, org.eclipse.jetty.client.Request proxyToServerRequest) {
        return Redispatch.watch(clientToProxyRequest, super.newProxyToServerRequestContent(clientToProxyRequest,
                proxyToClientResponse, proxyToServerRequest));
    }

    @Override
    protected void onServerToProxyResponseFailure(Request clientToProxyRequest,
            org.eclipse.jetty.client.Request proxyToServerRequest, org.eclipse.jetty.client.Response serverToProxyResponse,
            Response proxyToClientResponse, Callback proxyToClientCallback, Throwable failure) {
        int status = serverToProxyResponse == null ? 0 : serverToProxyResponse.getStatus();
        URI node = nodeOf(proxyToServerRequest);
        // a node that answered (a 500 included) is never asked again: an answer is an answer
        if (status == 0 && node != null) {
            // the node did not answer at all: out of the rotation until the probe finds it again
            up.put(node, false);
            forwarded.get(node).decrementAndGet();
            URI other = Redispatch.allowed(clientToProxyRequest, proxyToClientResponse, failure)
                    ? choose(node) : null;
            if (other != null) {
                Redispatch.mark(clientToProxyRequest);
                clientToProxyRequest.setAttribute(REDISPATCH_TO, other);
                super.handle(clientToProxyRequest, proxyToClientResponse, proxyToClientCallback);
                return;
            }
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
        URI node = request.getAttribute(REDISPATCH_TO) instanceof URI other ? other : choose();
        forwarded.get(node).incrementAndGet();
        return HttpURI.build(request.getHttpURI()).scheme("http").host(node.getHost()).port(node.getPort());
    }

    private URI choose() {
        URI node = choose(null);
        // none is up: try one anyway, the client gets the proxy's 502
        return node != null ? node : nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
    }

    private URI nodeOf(org.eclipse.jetty.client.Request proxyToServerRequest) {
        for (URI node : nodes) {
            if (node.getPort() == proxyToServerRequest.getPort()
                    && node.getHost().equals(proxyToServerRequest.getHost())) {
                return node;
            }
        }
        return null;
    }

    /** The next node in turn that is up and is not {@code except}; null if there is none. */
    private URI choose(URI except) {
        int size = nodes.size();
        for (int i = 0; i < size; i++) {
            URI node = nodes.get(Math.floorMod(next.getAndIncrement(), size));
            if (isUp(node) && !node.equals(except)) {
                return node;
            }
        }
        return null;
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
