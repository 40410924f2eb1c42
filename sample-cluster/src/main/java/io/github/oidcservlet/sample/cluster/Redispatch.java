package io.github.oidcservlet.sample.cluster;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * When {@link RoundRobinBalancer} may send a request that failed on one node to another, once, as HAProxy's
 * {@code retries} with {@code option redispatch} do: only when the node gave no answer at all and the request can
 * go out again unchanged. A node that answered (a 500 included) is never asked twice, and nothing is resent once
 * a byte of the answer went to the client.
 */
final class Redispatch {

    private static final String DONE = Redispatch.class.getName() + ".done";
    private static final String BODY_READ = Redispatch.class.getName() + ".bodyRead";

    private Redispatch() {
    }

    /**
     * Whether the failed forwarding of {@code request}, which got no status line from its node, may go to another.
     */
    static boolean allowed(Request request, Response toClient, Throwable failure) {
        if (request.getAttribute(DONE) != null || toClient.isCommitted()) {
            // once only; an answer the client has begun to receive cannot be taken back
            return false;
        }
        if (refused(failure)) {
            // RFC 9110 9.2.2: "A client SHOULD NOT automatically retry a request with a non-idempotent method
            // unless it has some means to know [...] or some means to detect that the original request was never
            // applied." A refused connection is that means: nothing left the balancer, the body is unread.
            return request.getAttribute(BODY_READ) == null;
        }
        // Reset or closed before an answer: the node may have received it. RFC 9110 9.2.2: "Idempotent methods are
        // distinguished because the request can be repeated automatically if a communication failure occurs before
        // the client is able to read the server's response." Only GET and HEAD without a body: nothing to replay.
        String method = request.getMethod();
        return (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) && request.getLength() <= 0
                && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** Marks {@code request} as sent a second time; {@link #allowed} says no from then on. */
    static void mark(Request request) {
        request.setAttribute(DONE, Boolean.TRUE);
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's body on its way to a node: notes on the client's request when a byte of it was read (then it
     * cannot be sent again), and keeps a failure before the first byte from the client's request, whose body a
     * redispatch still reads in full.
     */
    static org.eclipse.jetty.client.Request.Content watch(Request request,
            org.eclipse.jetty.client.Request.Content body) {
        return new Watched(request, body);
    }

    private static final class Watched implements org.eclipse.jetty.client.Request.Content {

        private final Request request;
        private final org.eclipse.jetty.client.Request.Content body;
        private final AtomicBoolean read = new AtomicBoolean();

        Watched(Request request, org.eclipse.jetty.client.Request.Content body) {
            this.request = request;
            this.body = body;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = body.read();
            if (chunk != null && chunk.hasRemaining() && read.compareAndSet(false, true)) {
                request.setAttribute(BODY_READ, Boolean.TRUE);
            }
            return chunk;
        }

        @Override
        public void fail(Throwable failure) {
            fail(failure, true);
        }

        @Override
        public void fail(Throwable failure, boolean last) {
            if (read.get()) {
                body.fail(failure, last);
            }
        }

        @Override
        public long getLength() {
            return body.getLength();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public boolean rewind() {
            return false;
        }

        @Override
        public String getContentType() {
            return body.getContentType();
        }
    }
}
