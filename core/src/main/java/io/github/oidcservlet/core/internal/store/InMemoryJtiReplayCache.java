package io.github.oidcservlet.core.internal.store;

import io.github.oidcservlet.core.store.JtiReplayCache;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link JtiReplayCache}: the {@code jti}s of logout tokens seen recently on this node (OpenID Back-Channel Logout 1.0 §2.6 step 6), bounded in time
 * (an entry lives {@code ttlMillis}; older tokens are refused by their {@code iat} anyway) and in size (beyond
 * {@code maxEntries} the oldest go first). Thread-safe.
 */
public final class InMemoryJtiReplayCache implements JtiReplayCache {

    private final LinkedHashMap<String, Long> seenAt = new LinkedHashMap<>();
    private final long ttlMillis;
    private final int maxEntries;

    /**
     * @param ttlMillis  how long a {@code jti} is remembered
     * @param maxEntries how many are remembered at most
     */
    public InMemoryJtiReplayCache(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    @Override
    public synchronized boolean firstSighting(String jti, long nowMillis) {
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
