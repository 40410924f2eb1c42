package io.github.oidcservlet.core.internal.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tells the operator when a provider endpoint stops answering and when it answers again: one line each, however
 * many requests meet the outage in between (each of them gets its 503 page without a log line of its own).
 * Keyed by endpoint URL without query, so there are only as many entries as the provider has endpoints.
 */
final class OutageTracker {

    private static final System.Logger LOG = System.getLogger(OutageTracker.class.getName());

    private final Map<String, Long> downSince = new ConcurrentHashMap<>();
    private final LongSupplier millis;

    OutageTracker(LongSupplier millis) {
        this.millis = millis;
    }

    /** The endpoint failed: unreachable, too slow, or a 5xx answer. {@code why} must hold no token. */
    void down(String endpoint, String why) {
        if (downSince.putIfAbsent(endpoint, millis.getAsLong()) == null) {
            LOG.log(System.Logger.Level.WARNING, "Provider outage: " + why
                    + "; logins that need it answer 503 until it answers again");
        }
    }

    /** The endpoint answered (any status below 500). */
    void up(String endpoint) {
        if (downSince.isEmpty()) {
            return;
        }
        Long since = downSince.remove(endpoint);
        if (since != null) {
            LOG.log(System.Logger.Level.INFO, "Provider outage over: " + endpoint + " answers again after "
                    + Math.max(0, (millis.getAsLong() - since) / 1000) + " s");
        }
    }
}
