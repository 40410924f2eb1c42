package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.ConfigSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * MicroProfile Config, when the application or the server has it, read through reflection so that neither this
 * library nor its users need a dependency on it. Keys are looked up as {@code oidc.<key>}.
 */
final class MicroProfileConfig implements ConfigSource {

    private final Object config;
    private final Method getOptionalValue;

    private MicroProfileConfig(Object config, Method getOptionalValue) {
        this.config = config;
        this.getOptionalValue = getOptionalValue;
    }

    /** The application's MicroProfile Config, if {@code loader} sees one. */
    static Optional<ConfigSource> find(ClassLoader loader) {
        try {
            Class<?> provider = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader);
            Class<?> configType = Class.forName("org.eclipse.microprofile.config.Config", true, loader);
            Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
            return Optional.of(new MicroProfileConfig(config,
                    configType.getMethod("getOptionalValue", String.class, Class.class)));
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

    @Override
    public String toString() {
        return "MicroProfileConfig";
    }
}
