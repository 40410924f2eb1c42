package io.github.oidcservlet.core.logout;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code jti}s of logout tokens seen recently (OpenID Back-Channel Logout 1.0 §2.6 step 6), bounded in time
 * (an entry lives {@code ttlMillis}; older tokens are refused by their {@code iat} anyway) and in size (beyond
 * {@code maxEntries} the oldest go first). Thread-safe.
 */
final class JtiReplayCache {

    private final LinkedHashMap<String, Long> seenAt = new LinkedHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;

    JtiReplayCache(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    /** Records {@code jti}; false when it was seen within the time to live (a replay). */
    synchronized boolean firstSighting(String jti, long nowMillis) {
        // insertion order is arrival order: expired entries are at the head
        for (Iterator<Long> it = seenAt.values().iterator(); it.hasNext(); ) {
            if (it.next() + ttlMillis >= nowMillis) {
                break;
            }
            it.remove();
        }
        if (seenAt.containsKey(jti)) {
            return false;
        }
        seenAt.put(jti, nowMillis);
        while (seenAt.size() > maxEntries) {
            Iterator<Map.Entry<String, Long>> oldest = seenAt.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized int size() {
        return seenAt.size();
    }
}
