package io.github.oidcservlet.core.store;

/**
 * A kind of store, found through {@link java.util.ServiceLoader}: a jar that lists its implementation in
 * {@code META-INF/services/io.github.oidcservlet.core.store.StoreProvider} is chosen by the configuration key
 * {@code store=<name>}. The built-in one is {@code memory}.
 */
public interface StoreProvider {

    /** @return the value of the {@code store} key that chooses this provider, e.g. {@code jdbc} */
    String name();

    /**
     * Makes the stores of one engine, reading and checking the provider's own {@code store-*} settings.
     *
     * @param context the settings, the engine's clock and the time bounds the stores must honour
     * @return the stores, closed by the engine
     * @throws io.github.oidcservlet.core.OidcConfigException when a setting is missing or wrong, naming it
     *                                                               as {@link StoreContext#describe} spells it
     */
    Stores create(StoreContext context);
}
