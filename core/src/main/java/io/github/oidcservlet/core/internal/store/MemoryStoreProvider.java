package io.github.oidcservlet.core.internal.store;

import io.github.oidcservlet.core.store.StoreContext;
import io.github.oidcservlet.core.store.StoreProvider;
import io.github.oidcservlet.core.store.Stores;
import io.github.oidcservlet.core.store.RefreshCoordination;

/** The default store, {@code store=memory}: everything on this node, in bounded maps. */
public final class MemoryStoreProvider implements StoreProvider {

    /** The name that chooses it, also the default of {@code store}. */
    public static final String NAME = "memory";
    private static final int MAX_REMEMBERED_JTIS = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stores create(StoreContext context) {
        return Stores.of(new InMemoryEndedLogins(context.clock()::millis),
                new InMemoryJtiReplayCache(context.jtiTtl().toMillis(), MAX_REMEMBERED_JTIS),
                RefreshCoordination.inMemory(context.refreshWait(), context.refreshLinger(), context.clock()::millis),
                () -> { });
    }
}
