package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.ConfigSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MicroProfile Config, when the application or the server has it, read through reflection so that neither this
 * library nor its users need a dependency on it. Keys are looked up as {@code oidc.<key>}.
 */
final class MicroProfileConfig implements ConfigSource {

    private static final String STORE_PREFIX = ConfigKey.STORE.systemProperty() + "-";

    private final Object config;
    private final Method getOptionalValue;
    private final Method getPropertyNames;

    private MicroProfileConfig(Object config, Method getOptionalValue, Method getPropertyNames) {
        this.config = config;
        this.getOptionalValue = getOptionalValue;
        this.getPropertyNames = getPropertyNames;
    }

    /**
     * A source over an object with MicroProfile's {@code Config} methods {@code getOptionalValue(String, Class)}
     * and {@code getPropertyNames()}.
     */
    static ConfigSource over(Object config, Class<?> configType) throws NoSuchMethodException {
        return new MicroProfileConfig(config, configType.getMethod("getOptionalValue", String.class, Class.class),
                configType.getMethod("getPropertyNames"));
    }

    /** The application's MicroProfile Config, if {@code loader} sees one. */
    static Optional<ConfigSource> find(ClassLoader loader) {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
            Class<?> configType = Class.forName("org.eclipse.microprofile.config.Config", true, loader);
            Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
            return Optional.of(over(config, configType));
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            // An API without an implementation (no ConfigProviderResolver) is as good as none.
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> value(ConfigKey key) {
        try {
            Optional<?> value = (Optional<?>) getOptionalValue.invoke(config, key.systemProperty(), String.class);
            return value.map(Object::toString).map(String::trim).filter(text -> !text.isEmpty());
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("MicroProfile Config cannot read " + key.systemProperty(), e);
        }
    }

    @Override
    public String describe(ConfigKey key) {
        return "MicroProfile Config property " + key.systemProperty();
    }

    /** The pass-through {@code oidc.store-*} properties, for the chosen store (e.g. {@code oidc.store-jdbc-url}). */
    @Override
    public Map<String, String> storeValues() {
        Map<String, String> found = new HashMap<>();
        try {
            for (Object name : (Iterable<?>) getPropertyNames.invoke(config)) {
                String property = String.valueOf(name);
                if (property.startsWith(STORE_PREFIX) && property.length() > STORE_PREFIX.length()) {
                    Optional<?> value = (Optional<?>) getOptionalValue.invoke(config, property, String.class);
                    value.map(Object::toString).map(String::trim).filter(text -> !text.isEmpty())
                            .ifPresent(text -> found.put(property.substring("oidc.".length()), text));
                }
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("MicroProfile Config cannot list its properties", e);
        }
        return Map.copyOf(found);
    }

    @Override
    public String describe(String plainKey) {
        return "MicroProfile Config property oidc." + plainKey;
    }

    @Override
    public String toString() {
        return "MicroProfileConfig";
    }
}
