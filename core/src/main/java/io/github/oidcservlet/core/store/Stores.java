package io.github.oidcservlet.core.store;


/**
 * The shared state of one engine, made by a {@link StoreProvider}: ended logins, logout-token ids and the
 * coordination of refreshes. The engine closes it when it closes.
 */
public interface Stores extends AutoCloseable {

    /** @return where back-channel logouts are recorded and every request checks its login */
    EndedLogins endedLogins();

    /** @return the logout-token {@code jti}s seen recently */
    JtiReplayCache jtiReplayCache();

    /** @return what makes concurrent refreshes of one login a single refresh */
    RefreshCoordination refreshCoordination();

    /** Releases what the stores hold (connections, threads); called once, when the engine closes. */
    @Override
    void close();

    /**
     * Stores made of the given parts.
     *
     * @param index   the session index
     * @param jtis    the replay cache
     * @param refresh the refresh coordination
     * @param onClose run by {@link #close()}
     * @return the stores
     */
    static Stores of(EndedLogins index, JtiReplayCache jtis, RefreshCoordination refresh, Runnable onClose) {
        return new Stores() {
            @Override
            public EndedLogins endedLogins() {
                return index;
            }

            @Override
            public JtiReplayCache jtiReplayCache() {
                return jtis;
            }

            @Override
            public RefreshCoordination refreshCoordination() {
                return refresh;
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
