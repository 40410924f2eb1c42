package io.github.oidcservlet.core.internal.logout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.internal.provider.HttpResult;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.token.ClientAuthentication;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token revocation at logout (RFC 7009): the refresh token first (§2.1: the provider may then revoke the access
 * tokens of that grant too), then the access token. Best effort and in the background, so a slow or absent
 * provider never holds up the logout; every call is bounded by the connect and read timeouts. Beyond the queue
 * bound a revocation is skipped, counted and logged; every future completes. {@link #close()} stops the threads.
 * Thread-safe.
 */
public final class TokenRevoker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TokenRevoker.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long {@link #close()} waits for an interrupted call to unwind. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final ProviderHttp http;
    private final ClientAuthentication clientAuthentication;
    private final ExecutorService background;
    /** The pool's threads, so that {@link #close()} can wait for them to end, not only for their tasks. */
    private final Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicBoolean unsupportedTypeTold = new AtomicBoolean();

    public TokenRevoker(ProviderHttp http, ClientAuthentication clientAuthentication) {
        this(http, clientAuthentication, 2, 100);
    }

    /** Up to {@code threads} threads that end when idle, {@code queueBound} waiting logouts. */
    TokenRevoker(ProviderHttp http, ClientAuthentication clientAuthentication, int threads, int queueBound) {
        this.http = http;
        this.clientAuthentication = clientAuthentication;
        // AbortPolicy: a full queue throws, so the overflow is seen (a DiscardPolicy would drop the task and
        // leave its future pending for ever).
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueBound), task -> {
                    Thread thread = new Thread(task, "oidc-token-revocation");
                    thread.setDaemon(true);
                    poolThreads.removeIf(previous -> !previous.isAlive());
                    poolThreads.add(thread);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.background = pool;
    }

    /**
     * Starts revoking the session's tokens at {@code endpoint}; the future completes when both calls are done
     * (successful or not), when the revocation is skipped, or at {@link #close()}; never exceptionally.
     */
    public CompletableFuture<Void> revokeInBackground(URI endpoint, OidcLogin session) {
        Revocation revocation = new Revocation(() -> {
            if (session.refreshToken() != null) {
                revoke(endpoint, session.refreshToken(), "refresh_token");
            }
            // Interrupted: the revoker is closing; the second call would only be interrupted too.
            if (!Thread.currentThread().isInterrupted()) {
                revoke(endpoint, session.accessToken(), "access_token");
            }
        });
        try {
            background.execute(revocation);
        } catch (RejectedExecutionException e) {
            long count = skipped.incrementAndGet();
            // Logged for the first and then every hundredth, so a logout storm cannot flood the log.
            if (count == 1 || count % 100 == 0) {
                LOG.log(System.Logger.Level.WARNING, "Token revocation skipped: too many logouts at once, or "
                        + "shutting down (" + count + " skipped so far); the tokens stay valid until they expire");
            }
            revocation.done.complete(null);
        }
        return revocation.done;
    }

    /** How many revocations were skipped because the queue was full or the revoker closed. */
    public long skipped() {
        return skipped.get();
    }

    /**
     * Stops the threads and waits (at most {@link #CLOSE_WAIT}) until they have ended: a call in flight is
     * interrupted, revocations still waiting are skipped (their futures complete). A container checks for threads
     * the application left running right after it is stopped (Tomcat's "appears to have started a thread"), so
     * interrupting is not enough: a thread still unwinding would be reported, and would pin the application's
     * classes.
     */
    @Override
    public void close() {
        for (Runnable waiting : background.shutdownNow()) {
            skipped.incrementAndGet();
            if (waiting instanceof Revocation revocation) {
                revocation.done.complete(null);
            }
        }
        try {
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            boolean ended = background.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            // The pool terminates as its last thread leaves its task loop, while that thread is still alive.
            for (Thread thread : poolThreads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                ended &= !thread.isAlive();
            }
            if (!ended) {
                LOG.log(System.Logger.Level.WARNING, "A token revocation thread did not end within "
                        + CLOSE_WAIT.toSeconds() + " s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void revoke(URI endpoint, String token, String hint) {
        Map<String, String> form = new LinkedHashMap<>();
        // RFC 7009 §2.1: token REQUIRED, token_type_hint OPTIONAL; the client authenticates as at the token endpoint.
        form.put("token", token);
        form.put("token_type_hint", hint);
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            clientAuthentication.authenticate(endpoint, form, headers);
            HttpResult result = http.postForm(endpoint, form, headers, "revocation endpoint");
            // RFC 7009 §2.2: 200 also for tokens that were invalid already.
            if (result.isSuccess()) {
                return;
            }
            // RFC 7009 §2.2.1: "unsupported_token_type: The authorization server does not support the revocation
            // of the presented token type" - an ordinary answer (many providers revoke refresh tokens only).
            if ("unsupported_token_type".equals(error(result))) {
                if (unsupportedTypeTold.compareAndSet(false, true)) {
                    LOG.log(System.Logger.Level.INFO, "The revocation endpoint does not revoke " + hint
                            + " tokens (unsupported_token_type, RFC 7009 §2.2.1); said once");
                }
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "Revoking the " + hint + " failed: HTTP " + result.status());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Revoking the " + hint + " failed: " + LogText.safe(e.getMessage()));
        }
    }

    private static String error(HttpResult result) {
        try {
            JsonNode body = JSON.readTree(result.body());
            return body != null && body.path("error").isTextual() ? body.get("error").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A queued revocation and the future that says it is over. */
    private static final class Revocation implements Runnable {
        private final Runnable work;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Revocation(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                work.run();
            } finally {
                done.complete(null);
            }
        }
    }
}
