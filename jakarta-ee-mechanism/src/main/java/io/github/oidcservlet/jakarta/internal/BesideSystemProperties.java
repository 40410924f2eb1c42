package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.internal.config.ConfigKey;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MicroProfile Config read beside the system properties. On servers whose MicroProfile Config reads system
 * properties too (Payara, WildFly, Liberty) it lists {@code -Doidc.work.isuer} as a property of its own, so the
 * named keys it holds leave out those the system properties hold: such a key is reported once, as the system
 * property it was written as. Everything else is MicroProfile Config's own answer.
 *
 * @param microProfile     MicroProfile Config
 * @param systemProperties the names of the system properties
 */
record BesideSystemProperties(ConfigSource microProfile, Set<String> systemProperties) implements ConfigSource {

    /** Copies the names. */
    BesideSystemProperties {
        systemProperties = Set.copyOf(systemProperties);
    }

    /** A key of registration {@code work} is {@code oidc.work.<key>} in both. */
    @Override
    public Map<String, String> registrationKeys(String registration) {
        Map<String, String> own = new HashMap<>(microProfile.registrationKeys(registration));
        own.values().removeIf(plain -> systemProperties.contains(MicroProfileConfig.named(registration, plain)));
        return Map.copyOf(own);
    }

    @Override
    public Optional<String> value(ConfigKey key) {
        return microProfile.value(key);
    }

    @Override
    public String describe(ConfigKey key) {
        return microProfile.describe(key);
    }

    @Override
    public Optional<String> value(String registration, ConfigKey key) {
        return microProfile.value(registration, key);
    }

    @Override
    public String describe(String registration, ConfigKey key) {
        return microProfile.describe(registration, key);
    }

    @Override
    public Map<String, String> storeValues() {
        return microProfile.storeValues();
    }

    @Override
    public String describe(String plainKey) {
        return microProfile.describe(plainKey);
    }

    @Override
    public String toString() {
        return microProfile.toString();
    }
}
