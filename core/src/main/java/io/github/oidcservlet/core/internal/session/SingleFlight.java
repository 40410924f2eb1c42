package io.github.oidcservlet.core.internal.session;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshCoordination;
import io.github.oidcservlet.core.store.RefreshOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One refresh per login at a time, on one node. Keyed by the login id and the generation of the tokens being
 * refreshed, so every copy of one login (a container may deserialize the HTTP session per request) joins one run,
 * and the next refresh of a refreshed login is a new run: the first request runs the refresh, concurrent requests
 * of that login wait for its result, bounded by {@code maxWait}. A finished result lingers briefly, so a request
 * that read the old session just before the new one was stored reuses it instead of sending a second grant, and a
 * provider that is down is not asked again by every request of the moment. Thread-safe; nothing in it is
 * serialized with the HTTP session.
 */
public final class SingleFlight implements RefreshCoordination {

    /** One login's tokens: what a run refreshes. */
    private record Key(String loginId, String generation) {
        static Key of(OidcLogin session) {
            return new Key(session.loginId(), session.generation());
        }
    }

    /** One refresh: its result, and when it finished (0 while it runs). */
    private static final class Flight {
        final CompletableFuture<RefreshOutcome> result = new CompletableFuture<>();
        volatile long doneAtMillis;
    }

    private final Map<Key, Flight> flights = new ConcurrentHashMap<>();
    private final Duration maxWait;
    private final long lingerMillis;
    private final LongSupplier clock;

    public SingleFlight(Duration maxWait, Duration linger, LongSupplier clock) {
        this.maxWait = maxWait;
        this.lingerMillis = linger.toMillis();
        this.clock = clock;
    }

    /**
     * Runs {@code refresh} for {@code session}, or joins the run already under way (or just finished). A caller
     * whose access token is still valid does not wait for a run under way: it gets {@link RefreshOutcome.InProgress}
     * at the cost of one map lookup, so only requests that cannot go on without new tokens ever wait.
     */
    @Override
    public RefreshOutcome run(OidcLogin session, boolean stillValid,
                              Function<OidcLogin, RefreshOutcome> refresh) {
        long now = clock.getAsLong();
        Key key = Key.of(session);
        Flight running = flights.get(key);
        if (running != null && !isStale(running, now)) {
            return joined(running, stillValid);
        }
        // A result older than its linger is never handed out again: after an outage the next request of the
        // session asks the provider anew, even on a node where no other session refreshes (the sweep removes it).
        sweep(now);
        Flight mine = new Flight();
        running = flights.putIfAbsent(key, mine);
        if (running != null) {
            return joined(running, stillValid);
        }
        try {
            RefreshOutcome outcome = refresh.apply(session);
            mine.doneAtMillis = clock.getAsLong();
            mine.result.complete(outcome);
            return outcome;
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            flights.remove(key, mine);
            throw e;
        }
    }

    private RefreshOutcome joined(Flight running, boolean stillValid) {
        if (stillValid && !running.result.isDone()) {
            return RefreshOutcome.InProgress.INSTANCE;
        }
        return await(running.result);
    }

    /** How many logins have a refresh running or lingering; for tests. */
    int size() {
        return flights.size();
    }

    private RefreshOutcome await(CompletableFuture<RefreshOutcome> result) {
        try {
            return result.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new RefreshOutcome.Unavailable("waited " + maxWait.toSeconds() + " s for a refresh of this session "
                    + "that another request runs");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RefreshOutcome.Unavailable("interrupted while waiting for a refresh");
        } catch (ExecutionException e) {
            return new RefreshOutcome.Unavailable("the refresh another request ran failed: " + e.getCause());
        }
    }

    private void sweep(long now) {
        // removeIf on the values view removes an entry only while it still holds the flight tested, so a fresh
        // flight another request has just put in place stays
        flights.values().removeIf(flight -> isStale(flight, now));
    }

    private boolean isStale(Flight flight, long now) {
        long doneAt = flight.doneAtMillis;
        return doneAt != 0 && doneAt + lingerMillis < now;
    }
}
