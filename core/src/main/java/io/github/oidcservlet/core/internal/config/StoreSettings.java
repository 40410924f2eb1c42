package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.ConfigSource;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code store} key and the pass-through {@code store-*} keys: which store keeps the shared state, and the
 * settings it reads itself. {@link #toString()} shows the key names only (a setting may be a password).
 *
 * @param name      the store's name ({@code memory} by default)
 * @param values    the pass-through keys by plain name ({@code store-jdbc-url}), each with its value
 * @param spellings how the user wrote each key, {@code store} included, for error messages
 */
public record StoreSettings(String name, Map<String, String> values, Map<String, String> spellings) {

    /** Copies the maps. */
    public StoreSettings {
        values = Map.copyOf(values);
        spellings = Map.copyOf(spellings);
    }

    /**
     * How the user wrote a key.
     *
     * @param plainKey {@code store} or a pass-through key such as {@code store-jdbc-url}
     * @return e.g. {@code init-param 'store-jdbc-url'}
     */
    public String describe(String plainKey) {
        return spellings.getOrDefault(plainKey, "'" + plainKey + "'");
    }

    public static StoreSettings read(ConfigReader in, ConfigSource source) {
        Map<String, String> values = source.storeValues();
        Map<String, String> spellings = new java.util.HashMap<>();
        values.keySet().forEach(key -> spellings.put(key, source.describe(key)));
        spellings.put(ConfigKey.STORE.key(), source.describe(ConfigKey.STORE));
        return new StoreSettings(in.optional(ConfigKey.STORE).orElseThrow(), values, spellings);
    }

    @Override
    public String toString() {
        Set<String> keys = new TreeSet<>(values.keySet());
        return "StoreSettings[name=" + name + ", keys=" + keys + "]";
    }
}
