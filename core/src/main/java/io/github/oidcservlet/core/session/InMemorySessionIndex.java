package io.github.oidcservlet.core.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The default {@link SessionIndex}: two concurrent maps (ended {@code sid}s and ended {@code sub}s, each with the
 * time of the logout), on one node. Bounded in time (an entry is kept for {@code retention}, after which a login it ended
 * has long been removed from its HTTP session or has expired with it) and in size (beyond {@code maxEntries} the
 * oldest entries go).
 */
public final class InMemorySessionIndex implements SessionIndex {

    /** The defaults: a day, a hundred thousand logouts. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final Map<String, Long> endedSids = new ConcurrentHashMap<>();
    private final Map<String, Long> endedSubjects = new ConcurrentHashMap<>();
    private final long retentionMillis;
    private final int maxEntries;
    private final LongSupplier clock;
    // written under the lock of this object, read without: the hot path's one volatile read
    private volatile boolean empty = true;

    public InMemorySessionIndex(Duration retention, int maxEntries, LongSupplier clock) {
        this.retentionMillis = retention.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    public InMemorySessionIndex() {
        this(DEFAULT_RETENTION, DEFAULT_MAX_ENTRIES, System::currentTimeMillis);
    }

    @Override
    public synchronized void end(String sid, String sub, long atMillis) {
        purge(clock.getAsLong());
        if (sid != null) {
            endedSids.merge(sid, atMillis, Math::max);
        } else if (sub != null) {
            endedSubjects.merge(sub, atMillis, Math::max);
        }
        while (endedSids.size() + endedSubjects.size() > maxEntries) {
            dropOldest();
        }
        empty = endedSids.isEmpty() && endedSubjects.isEmpty();
    }

    @Override
    public boolean isEmpty() {
        return empty;
    }

    @Override
    public boolean isEnded(OidcSession session) {
        // Back-Channel Logout §2.7: a sid ends the sessions of that provider session; a sub alone ends them all.
        // Either way only logins made before the logout: a login afterwards is a new session.
        if (session.sid() != null && endedBefore(endedSids.get(session.sid()), session)) {
            return true;
        }
        return endedBefore(endedSubjects.get(session.subject()), session);
    }

    private static boolean endedBefore(Long endedAtMillis, OidcSession session) {
        return endedAtMillis != null && session.loginAtMillis() <= endedAtMillis;
    }

    private void purge(long now) {
        long oldest = now - retentionMillis;
        endedSids.values().removeIf(at -> at < oldest);
        endedSubjects.values().removeIf(at -> at < oldest);
    }

    private void dropOldest() {
        Map<String, Long> from = null;
        String key = null;
        long at = Long.MAX_VALUE;
        for (Map<String, Long> map : java.util.List.of(endedSids, endedSubjects)) {
            for (Map.Entry<String, Long> entry : map.entrySet()) {
                if (entry.getValue() < at) {
                    at = entry.getValue();
                    key = entry.getKey();
                    from = map;
                }
            }
        }
        if (from != null) {
            from.remove(key);
        }
    }

    @Override
    public String toString() {
        return "InMemorySessionIndex[sids=" + endedSids.size() + ", subjects=" + endedSubjects.size() + "]";
    }
}
