package io.github.oidcservlet.core.internal.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a provider's answer as UTF-8 text, but at most {@code maxBytes} of it: a larger answer (announced by
 * {@code Content-Length} or found while reading) stops the transfer and fails with {@link TooLarge}, so a provider,
 * or whoever answers in its place, cannot fill the application's memory.
 *
 * <p>The response is handed over as soon as its headers are in, with the body still to come as a future (as
 * {@code BodySubscribers.ofInputStream} does): the caller of a blocking {@code HttpClient.send} then bounds the wait
 * for the body itself, and no thread of a pool stands between the client's selector thread and the caller.
 * Cancelling the body future stops the transfer (the connection is closed, not reused).
 */
final class CappedBody implements HttpResponse.BodySubscriber<CompletableFuture<String>> {

    private final long maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    private CappedBody(long maxBytes) {
        this.maxBytes = maxBytes;
        // the caller gave up waiting (read-timeout): whichever of this and onSubscribe comes second cancels
        result.whenComplete((body, error) -> {
            Flow.Subscription current = subscription;
            if (error instanceof CancellationException && current != null) {
                current.cancel();
            }
        });
    }

    static HttpResponse.BodyHandler<CompletableFuture<String>> handler(long maxBytes) {
        return info -> {
            CappedBody body = new CappedBody(maxBytes);
            if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
                body.result.completeExceptionally(new TooLarge(maxBytes));
            }
            return body;
        };
    }

    /** The body to come, at once: the response is complete once its headers are. */
    @Override
    public CompletionStage<CompletableFuture<String>> getBody() {
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(maxBytes));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toString(StandardCharsets.UTF_8));
    }

    /** The answer is larger than the cap. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
