package io.github.oidcservlet.core.internal.store;

import io.github.oidcservlet.core.internal.store.LogoutKeys.Logout;
import io.github.oidcservlet.core.store.EndedLogins;
import io.github.oidcservlet.core.OidcLogin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The default {@link EndedLogins}: ended {@code sid}s and ended {@code sub}s in concurrent maps ({@link LogoutKeys},
 * each with the logout token's {@code iat}), on one node. Bounded in time (an entry is kept for {@code retention},
 * after which a login it ended has long been removed from its HTTP session or has expired with it) and in size
 * (beyond {@code maxEntries} the oldest entries go).
 */
public final class InMemoryEndedLogins implements EndedLogins {

    /** The defaults: a day, a hundred thousand logouts. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final LogoutKeys endedSids = new LogoutKeys();
    private final LogoutKeys endedSubjects = new LogoutKeys();
    private final long retentionMillis;
    private final int maxEntries;
    private final LongSupplier clock;
    // written under the lock of this object, read without: the hot path's one volatile read
    private volatile boolean empty = true;

    public InMemoryEndedLogins(Duration retention, int maxEntries, LongSupplier clock) {
        this.retentionMillis = retention.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** @param clock the engine's clock, in epoch milliseconds */
    public InMemoryEndedLogins(LongSupplier clock) {
        this(DEFAULT_RETENTION, DEFAULT_MAX_ENTRIES, clock);
    }

    @Override
    public synchronized void end(String sid, String sub, long issuedAtMillis, long receivedAtMillis) {
        purge(clock.getAsLong());
        Logout logout = new Logout(issuedAtMillis, receivedAtMillis);
        // Both are recorded when both are present: the logins matching either end.
        if (sid != null) {
            endedSids.record(sid, logout);
        }
        if (sub != null) {
            endedSubjects.record(sub, logout);
        }
        int size = endedSids.size() + endedSubjects.size();
        for (; size > maxEntries; size--) {
            dropOldest();
        }
        empty = size == 0;
    }

    @Override
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public boolean isEnded(OidcLogin session) {
        // Back-Channel Logout §2.7: a sid ends the sessions of that provider session, a sub every session of the
        // user; a token carrying both ends the logins matching either.
        return issuedBefore(session, endedSids.get(session.sid()))
                || issuedBefore(session, endedSubjects.get(session.subject()));
    }

    /** Looks the login up by its own {@code iss} and values, building no key: the hot path of a multi-tenant issuer. */
    @Override
    public boolean isEndedScoped(OidcLogin session) {
        String issuer = session.issuer();
        return issuedBefore(session, endedSids.get(issuer, session.sid()))
                || issuedBefore(session, endedSubjects.get(issuer, session.subject()));
    }

    /**
     * Only a login whose ID token was issued before the logout token ends; one issued later is a new login. Both
     * iat values come from the provider's clock, so neither this server's clock nor the moment the logout arrived
     * shifts the line. Within the same second (the precision of iat) the local order decides: a login completed
     * here before the logout arrived ends, one completed after it does not.
     */
    private static boolean issuedBefore(OidcLogin session, Logout logout) {
        if (logout == null) {
            return false;
        }
        long loginSecond = session.issuedAtMillis() / 1000;
        long logoutSecond = logout.issuedAtMillis() / 1000;
        return loginSecond < logoutSecond
                || loginSecond == logoutSecond && session.loginAtMillis() <= logout.receivedAtMillis();
    }

    private void purge(long now) {
        long oldest = now - retentionMillis;
        endedSids.removeReceivedBefore(oldest);
        endedSubjects.removeReceivedBefore(oldest);
    }

    private void dropOldest() {
        Map<String, Logout> from = null;
        String key = null;
        long at = Long.MAX_VALUE;
        for (LogoutKeys keys : List.of(endedSids, endedSubjects)) {
            for (Map<String, Logout> map : keys.maps()) {
                for (Map.Entry<String, Logout> entry : map.entrySet()) {
                    if (entry.getValue().receivedAtMillis() < at) {
                        at = entry.getValue().receivedAtMillis();
                        key = entry.getKey();
                        from = map;
                    }
                }
            }
        }
        if (from != null) {
            from.remove(key);
        }
    }

    @Override
    public String toString() {
        return "InMemoryEndedLogins[sids=" + endedSids.size() + ", subjects=" + endedSubjects.size() + "]";
    }
}
