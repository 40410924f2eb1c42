package io.github.oidcservlet.core.store;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.session.SingleFlight;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Makes concurrent refreshes of one login a single refresh, whichever copy of the login each request holds: runs
 * are keyed by {@link OidcLogin#loginId()} and {@link OidcLogin#generation()}, never by object identity. A
 * cluster store implements it across nodes (one node claims the refresh, the others adopt its outcome); the
 * default, {@link #inMemory}, does it on one node. Implementations are thread-safe.
 */
public interface RefreshCoordination {

    /**
     * Runs {@code refresh} for {@code session}, or joins the run for the same login and generation that is under
     * way or has just finished.
     *
     * @param session    the login to refresh
     * @param stillValid whether its access token is still valid: such a caller need not wait for a run under way
     *                   and may get {@link RefreshOutcome.InProgress}
     * @param refresh    the refresh itself (redeems the refresh token)
     * @return the outcome of the one run
     */
    RefreshOutcome run(OidcLogin session, boolean stillValid, Function<OidcLogin, RefreshOutcome> refresh);

    /**
     * The single-node coordination.
     *
     * @param maxWait how long a request waits for a run another request started
     * @param linger  how long a finished outcome is handed to late requests of the same generation
     * @param clock   the engine's clock, epoch milliseconds
     * @return a new coordination
     */
    static RefreshCoordination inMemory(Duration maxWait, Duration linger, LongSupplier clock) {
        return new SingleFlight(maxWait, linger, clock);
    }
}
