package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshCoordination;
import io.github.oidcservlet.core.store.RefreshOutcome;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One refresh per login and token generation across the cluster. In front, this node's single flight: one request
 * per login here asks the database. That request claims the refresh row; the node that holds the claim redeems the
 * refresh token and stores the outcome (the refreshed login's serial form, or that it ended or could not be done),
 * the others poll the row and adopt that outcome, so a rotated refresh token is spent once (a second use would end
 * the whole login at providers with reuse detection). The row is deleted after the linger. With the database down
 * the node refreshes on its own: logins go on, only the cross-node guarantee waits for the database.
 */
final class JdbcRefreshCoordination implements RefreshCoordination {

    private static final System.Logger LOG = System.getLogger(JdbcRefreshCoordination.class.getName());
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private final RefreshCoordination local;
    private final RefreshClaims claims;
    private final String node;
    private final Clock clock;
    private final Duration maxWait;
    private final Duration linger;
    private final ScheduledExecutorService later;

    JdbcRefreshCoordination(RefreshClaims claims, String node, Clock clock, Duration maxWait, Duration linger,
                            ScheduledExecutorService later) {
        this.local = RefreshCoordination.inMemory(maxWait, linger, clock::millis);
        this.claims = claims;
        this.node = node;
        this.clock = clock;
        this.maxWait = maxWait;
        this.linger = linger;
        this.later = later;
    }

    @Override
    public RefreshOutcome run(OidcLogin session, boolean stillValid, Function<OidcLogin, RefreshOutcome> refresh) {
        // Across nodes every caller waits for the outcome, even one whose token is still valid: an InProgress
        // result would linger in the local flight and be handed to requests that cannot go on without new tokens.
        return local.run(session, stillValid, login -> acrossNodes(login, refresh));
    }

    private RefreshOutcome acrossNodes(OidcLogin session, Function<OidcLogin, RefreshOutcome> refresh) {
        String loginId = session.loginId();
        String generation = session.generation();
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        boolean tryClaim = true;
        while (true) {
            if (tryClaim) {
                boolean claimed;
                try {
                    long now = clock.millis();
                    claimed = claims.claim(loginId, generation, node, now, now + maxWait.toMillis());
                } catch (SQLException e) {
                    // the database is down (logged once): this node's single flight is all the coordination left
                    return refresh.apply(session);
                }
                if (claimed) {
                    return runClaimed(session, refresh);
                }
            }
            RefreshClaims.Claim claim;
            try {
                claim = claims.read(loginId, generation);
            } catch (SQLException e) {
                // another node holds the claim: refreshing here too could spend a rotated refresh token twice
                return new RefreshOutcome.Unavailable("the database failed while another node refreshed this login");
            }
            if (claim != null && claim.outcome() != null) {
                return adopted(claim);
            }
            if (System.nanoTime() - deadline > 0) {
                return new RefreshOutcome.Unavailable("waited " + maxWait.toSeconds() + " s for a refresh of this "
                        + "login that another node runs");
            }
            // gone (its owner failed) or run out (its owner died): claim it; else wait for the outcome
            tryClaim = claim == null || claim.expiresAt() < clock.millis();
            if (!tryClaim && !pause(pause)) {
                return new RefreshOutcome.Unavailable("interrupted while waiting for a refresh on another node");
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private RefreshOutcome runClaimed(OidcLogin session, Function<OidcLogin, RefreshOutcome> refresh) {
        String loginId = session.loginId();
        String generation = session.generation();
        RefreshOutcome outcome;
        try {
            outcome = refresh.apply(session);
        } catch (RuntimeException | Error e) {
            deleteQuietly(loginId, generation);
            throw e;
        }
        try {
            if (outcome instanceof RefreshOutcome.Refreshed refreshed) {
                claims.publish(loginId, generation, node, RefreshClaims.REFRESHED, null,
                        SessionBytes.of(refreshed.session()), clock.millis());
            } else if (outcome instanceof RefreshOutcome.Ended ended) {
                claims.publish(loginId, generation, node, RefreshClaims.ENDED, ended.logDetail(), null, clock.millis());
            } else if (outcome instanceof RefreshOutcome.Unavailable unavailable) {
                claims.publish(loginId, generation, node, RefreshClaims.UNAVAILABLE, unavailable.logDetail(), null,
                        clock.millis());
            } else {
                deleteQuietly(loginId, generation);
                return outcome;
            }
        } catch (SQLException e) {
            // logged once as an outage; the waiting nodes time out with Unavailable and keep their valid tokens
            return outcome;
        }
        // the outcome lingers for late requests of the old generation; then the row and its tokens go
        later.schedule(() -> deleteQuietly(loginId, generation), linger.toMillis(), TimeUnit.MILLISECONDS);
        return outcome;
    }

    private RefreshOutcome adopted(RefreshClaims.Claim claim) {
        switch (claim.outcome()) {
            case RefreshClaims.REFRESHED:
                try {
                    return new RefreshOutcome.Refreshed(SessionBytes.read(claim.session()));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "A refreshed login stored by another node cannot be read: "
                            + e);
                    return new RefreshOutcome.Unavailable("the refreshed login stored by another node is unreadable");
                }
            case RefreshClaims.ENDED:
                return new RefreshOutcome.Ended(claim.detail());
            default:
                return new RefreshOutcome.Unavailable(claim.detail());
        }
    }

    private void deleteQuietly(String loginId, String generation) {
        try {
            claims.delete(loginId, generation, node);
        } catch (SQLException e) {
            // the periodic purge deletes it once the database answers
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
