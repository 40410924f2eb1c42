package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.ConfigSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MicroProfile Config, when the application or the server has it, read through reflection so that neither this
 * library nor its users need a dependency on it. Keys are looked up as {@code oidc.<key>}, those of registration
 * {@code work} as {@code oidc.work.<key>}.
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
        return read(key.systemProperty());
    }

    private Optional<String> read(String property) {
        try {
            Optional<?> value = (Optional<?>) getOptionalValue.invoke(config, property, String.class);
            return value.map(Object::toString).map(String::trim).filter(text -> !text.isEmpty());
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("MicroProfile Config cannot read " + property, e);
        }
    }

    /** {@return how a key of a named registration is spelled here and as a system property: oidc.work.issuer} */
    static String named(String registration, String key) {
        return "oidc." + registration + "." + key;
    }

    private Iterable<String> propertyNames() {
        List<String> names = new ArrayList<>();
        try {
            for (Object name : (Iterable<?>) getPropertyNames.invoke(config)) {
                names.add(String.valueOf(name));
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("MicroProfile Config cannot list its properties", e);
        }
        return names;
    }

    @Override
    public String describe(ConfigKey key) {
        return "MicroProfile Config property " + key.systemProperty();
    }

    /** A key of registration {@code work} is {@code oidc.work.<key>}, as the system property is spelled. */
    @Override
    public Optional<String> value(String registration, ConfigKey key) {
        return read(named(registration, key.key()));
    }

    @Override
    public String describe(String registration, ConfigKey key) {
        return "MicroProfile Config property " + named(registration, key.key());
    }

    @Override
    public Map<String, String> registrationKeys(String registration) {
        String prefix = named(registration, "");
        Map<String, String> found = new HashMap<>();
        for (String property : propertyNames()) {
            if (property.startsWith(prefix) && property.length() > prefix.length()) {
                found.put("MicroProfile Config property " + property, property.substring(prefix.length()));
            }
        }
        return Map.copyOf(found);
    }

    /** The pass-through {@code oidc.store-*} properties, for the chosen store (e.g. {@code oidc.store-jdbc-url}). */
    @Override
    public Map<String, String> storeValues() {
        Map<String, String> found = new HashMap<>();
        for (String property : propertyNames()) {
            if (property.startsWith(STORE_PREFIX) && property.length() > STORE_PREFIX.length()) {
                read(property).ifPresent(text -> found.put(property.substring("oidc.".length()), text));
            }
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
