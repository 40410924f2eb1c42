package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.internal.config.LayeredSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where configuration values come from: build one with {@link #standard(Map)} (system properties, then environment,
 * then the given init-params) or combine the other factories with {@link #layered(List)}, and read it with
 * {@link OidcConfig#from(ConfigSource)}. The library's front doors implement it for their own sources (MicroProfile
 * Config, the annotation); its abstract methods take the internal key table, so applications use the factories.
 * {@link #describe(ConfigKey)} names the key the way the user wrote it,
 * so every problem message can point at the exact setting to fix.
 */
public interface ConfigSource {

    /**
     * The raw value of a key.
     *
     * @param key the key
     * @return the value, if this source has one (blank values count as absent)
     */
    Optional<String> value(ConfigKey key);

    /**
     * How a key is spelled in this source, for messages.
     *
     * @param key the key
     * @return e.g. {@code init-param 'client-id'}
     */
    String describe(ConfigKey key);

    /**
     * The pass-through keys {@code store-*} this source holds (see {@link ConfigKey#STORE}), by their plain name
     * ({@code store-jdbc-url}, whether written {@code OIDC_STORE_JDBC_URL} or {@code oidc.store-jdbc-url}); the
     * chosen store validates them.
     *
     * @return plain name to value; empty for a source without any
     */
    default Map<String, String> storeValues() {
        return Map.of();
    }

    /**
     * How a pass-through key is spelled in this source.
     *
     * @param plainKey e.g. {@code store-jdbc-url}
     * @return e.g. {@code environment variable OIDC_STORE_JDBC_URL}
     */
    default String describe(String plainKey) {
        return "'" + plainKey + "'";
    }

    /**
     * The raw value of a key of a registration named in {@code providers}: init-param {@code work.issuer}, system
     * property {@code oidc.work.issuer}, environment variable {@code OIDC_WORK_ISSUER}.
     *
     * @param registration the registration's name, e.g. {@code work}
     * @param key          the key
     * @return the value, if this source has one (blank values count as absent); none for a source without named keys
     */
    default Optional<String> value(String registration, ConfigKey key) {
        return Optional.empty();
    }

    /**
     * How a key of a named registration is spelled in this source, for messages.
     *
     * @param registration the registration's name
     * @param key          the key
     * @return e.g. {@code environment variable OIDC_WORK_ISSUER}
     */
    default String describe(String registration, ConfigKey key) {
        return "'" + registration + "." + key.key() + "'";
    }

    /**
     * Every key this source holds for a named registration, so that a misspelled one can be reported.
     *
     * @param registration the registration's name
     * @return how each is written, as messages name it ({@code environment variable OIDC_WORK_ISUER}), to its plain
     *         form ({@code isuer}); empty for a source without named keys
     */
    default Map<String, String> registrationKeys(String registration) {
        return Map.of();
    }

    /**
     * Filter {@code init-param}s or annotation attributes.
     *
     * @param params values keyed by the plain key ({@code client-id})
     * @return the source
     */
    static ConfigSource initParams(Map<String, String> params) {
        return new MapSource(Map.copyOf(params), ConfigKey::key, k -> "init-param '" + k.key() + "'");
    }

    /**
     * Environment variables ({@code OIDC_CLIENT_ID}).
     *
     * @param environment the variables, e.g. {@link System#getenv()}
     * @return the source
     */
    static ConfigSource environment(Map<String, String> environment) {
        return new MapSource(Map.copyOf(environment), ConfigKey::environmentVariable,
                k -> "environment variable " + k.environmentVariable());
    }

    /**
     * System properties ({@code oidc.client-id}).
     *
     * @param properties the properties, e.g. {@link System#getProperties()}
     * @return the source
     */
    static ConfigSource systemProperties(Properties properties) {
        Map<String, String> copy = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("oidc.")) {
                copy.put(name, properties.getProperty(name));
            }
        }
        return new MapSource(Map.copyOf(copy), ConfigKey::systemProperty, k -> "system property " + k.systemProperty());
    }

    /**
     * The standard precedence: system property, then environment variable, then the given {@code web.xml}
     * init-params or annotation attributes.
     *
     * @param initParams the init-params or annotation attributes, keyed by the plain key
     * @return the source
     */
    static ConfigSource standard(Map<String, String> initParams) {
        return layered(List.of(systemProperties(System.getProperties()), environment(System.getenv()),
                initParams(initParams)));
    }

    /**
     * Sources in order of precedence: the first that has a value wins, and its spelling is the one messages use.
     *
     * @param sources the sources, the strongest first
     * @return the combined source
     */
    static ConfigSource layered(List<ConfigSource> sources) {
        return new LayeredSource(sources);
    }

    /** A source over a plain map; the key naming and the description are given. */
    record MapSource(Map<String, String> values, java.util.function.Function<ConfigKey, String> naming,
                     java.util.function.Function<ConfigKey, String> description) implements ConfigSource {
        @Override
        public Optional<String> value(ConfigKey key) {
            String value = values.get(naming.apply(key));
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        @Override
        public String describe(ConfigKey key) {
            return description.apply(key);
        }

        /**
         * A named key is spelled the way this source spells the un-named one, with the registration's name after
         * the prefix: {@code work.issuer}, {@code oidc.work.issuer}, {@code OIDC_WORK_ISSUER}.
         */
        @Override
        public Optional<String> value(String registration, ConfigKey key) {
            String value = values.get(spelled(registration, key));
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
        }

        @Override
        public String describe(String registration, ConfigKey key) {
            return description.apply(key).replace(naming.apply(key), spelled(registration, key));
        }

        @Override
        public Map<String, String> registrationKeys(String registration) {
            String prefix = namedPrefix(registration);
            boolean upper = isUpperCase();
            Map<String, String> found = new java.util.HashMap<>();
            values.forEach((name, value) -> {
                if (name.length() > prefix.length() && name.startsWith(prefix)) {
                    String rest = name.substring(prefix.length());
                    String written = description.apply(ConfigKey.ISSUER).replace(naming.apply(ConfigKey.ISSUER), name);
                    found.put(written, upper ? rest.toLowerCase(java.util.Locale.ROOT).replace('_', '-') : rest);
                }
            });
            return Map.copyOf(found);
        }

        private String spelled(String registration, ConfigKey key) {
            return namedPrefix(registration) + naming.apply(key).substring(unnamedPrefix().length());
        }

        /** {@code work.}, {@code oidc.work.} or {@code OIDC_WORK_}. */
        private String namedPrefix(String registration) {
            return isUpperCase()
                    ? unnamedPrefix() + registration.replace('-', '_').toUpperCase(java.util.Locale.ROOT) + "_"
                    : unnamedPrefix() + registration + ".";
        }

        /** What this source writes before a key: nothing, {@code oidc.} or {@code OIDC_}. */
        private String unnamedPrefix() {
            String issuer = naming.apply(ConfigKey.ISSUER);
            return issuer.substring(0, issuer.length() - ConfigKey.ISSUER.key().length());
        }

        private boolean isUpperCase() {
            String issuer = naming.apply(ConfigKey.ISSUER);
            return issuer.equals(issuer.toUpperCase(java.util.Locale.ROOT));
        }

        /**
         * A pass-through key is spelled the way this source spells {@code store}: {@code store-jdbc-url},
         * {@code oidc.store-jdbc-url}, or upper-case with underscores ({@code OIDC_STORE_JDBC_URL}).
         */
        @Override
        public Map<String, String> storeValues() {
            String store = naming.apply(ConfigKey.STORE);
            Map<String, String> found = new java.util.HashMap<>();
            values.forEach((name, value) -> {
                if (name.length() > store.length() + 1 && name.startsWith(store)
                        && (name.charAt(store.length()) == '-' || name.charAt(store.length()) == '_')
                        && value != null && !value.isBlank()) {
                    String plain = ConfigKey.STORE.key() + "-" + name.substring(store.length() + 1)
                            .toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                    found.put(plain, value.trim());
                }
            });
            return Map.copyOf(found);
        }

        @Override
        public String describe(String plainKey) {
            String store = naming.apply(ConfigKey.STORE);
            String suffix = plainKey.substring(ConfigKey.STORE.key().length());
            boolean upper = store.equals(store.toUpperCase(java.util.Locale.ROOT));
            String spelled = store + (upper ? suffix.replace('-', '_').toUpperCase(java.util.Locale.ROOT) : suffix);
            return description.apply(ConfigKey.STORE).replace(store, spelled);
        }

        @Override
        public String toString() {
            return "ConfigSource[" + values.size() + " values]";
        }
    }
}
