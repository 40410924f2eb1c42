package io.github.oidcservlet.core.internal.login;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logins a browser session has started, keyed by {@code state}: several tabs may log in at once. Bounded
 * (the oldest is dropped beyond {@link #MAX_ENTRIES}) and each entry expires after {@link #LIFETIME}. A state is
 * taken at most once. Thread-safe; serializable so it can live in an HTTP session.
 */
public final class PendingLogins implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final int MAX_ENTRIES = 8;
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final LinkedHashMap<String, PendingLogin> byState = new LinkedHashMap<>();

    public synchronized void add(PendingLogin login) {
        purge(login.createdAtMillis());
        byState.put(login.state(), login);
        while (byState.size() > MAX_ENTRIES) {
            Iterator<String> oldest = byState.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Removes and returns the pending login of that state, if it exists and has not expired. */
    public synchronized Optional<PendingLogin> take(String state, long nowMillis) {
        purge(nowMillis);
        return Optional.ofNullable(byState.remove(state));
    }

    public synchronized boolean isEmpty(long nowMillis) {
        purge(nowMillis);
        return byState.isEmpty();
    }

    public synchronized int size() {
        return byState.size();
    }

    private void purge(long nowMillis) {
        long oldestAllowed = nowMillis - LIFETIME.toMillis();
        byState.values().removeIf(login -> login.createdAtMillis() < oldestAllowed);
    }

    @Override
    public synchronized String toString() {
        return "PendingLogins[" + byState.size() + "]";
    }

    /** For tests: a copy of the current entries. */
    synchronized Map<String, PendingLogin> snapshot() {
        return Map.copyOf(byState);
    }
}
