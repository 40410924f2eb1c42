package io.github.oidcservlet.core.internal.store;

import io.github.oidcservlet.core.store.StoreContext;
import io.github.oidcservlet.core.store.StoreProvider;
import io.github.oidcservlet.core.store.Stores;
import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.OidcConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Chooses the {@link StoreProvider} the {@code store} key names, among the built-in one and those on the class path. */
public final class StoreProviders {

    private StoreProviders() {
    }

    /**
     * Makes the stores the configuration names.
     *
     * @param context the configuration and time bounds
     * @return the stores
     * @throws OidcConfigException when no provider has that name (the message lists the names found)
     */
    public static Stores create(StoreContext context) {
        String name = context.config().store().name();
        List<StoreProvider> providers = available();
        for (StoreProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider.create(context);
            }
        }
        TreeSet<String> names = new TreeSet<>();
        providers.forEach(provider -> names.add(provider.name()));
        throw new OidcConfigException(List.of(context.describe(ConfigKey.STORE.key()) + " names the store '" + name
                + "', which is not on the class path; the stores found are: " + String.join(", ", names)));
    }

    /** The built-in provider and every one {@link ServiceLoader} finds through the context class loader. */
    static List<StoreProvider> available() {
        List<StoreProvider> providers = new ArrayList<>();
        providers.add(new MemoryStoreProvider());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (StoreProvider provider : ServiceLoader.load(StoreProvider.class,
                    loader != null ? loader : StoreProvider.class.getClassLoader())) {
                if (!(provider instanceof MemoryStoreProvider)) {
                    providers.add(provider);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new OidcConfigException(List.of("a store listed in META-INF/services/"
                    + StoreProvider.class.getName() + " cannot be loaded: " + e.getMessage()));
        }
        return providers;
    }
}
