package io.github.oidcservlet.core.store;


import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.internal.store.InMemoryJtiReplayCache;
import java.util.concurrent.atomic.AtomicReference;

/** A store found through core's test {@code META-INF/services}: remembers what it was given and whether it closed. */
public final class RecordingStoreProvider implements StoreProvider {

    public static final String NAME = "recording";
    public static final AtomicReference<StoreContext> LAST_CONTEXT = new AtomicReference<>();
    public static final AtomicReference<Boolean> CLOSED = new AtomicReference<>(false);
    public static final EndedLogins INDEX = new InMemoryEndedLogins(() -> 0L);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stores create(StoreContext context) {
        LAST_CONTEXT.set(context);
        CLOSED.set(false);
        return Stores.of(INDEX, new InMemoryJtiReplayCache(context.jtiTtl().toMillis(), 10),
                RefreshCoordination.inMemory(context.refreshWait(), context.refreshLinger(), context.clock()::millis),
                () -> CLOSED.set(true));
    }
}
