package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.ConfigSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * The attributes of {@link OidcAuthenticationMechanismDefinition} as a configuration source: attribute
 * {@code clientId} is key {@code client-id}, an empty string is no value, and messages name the attribute.
 */
final class AnnotationConfig {

    private AnnotationConfig() {
    }

    /** {@code client-id} becomes {@code clientId}. */
    static String attributeName(ConfigKey key) {
        String[] words = key.key().split("-");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return name.toString();
    }

    /** The annotation's values; no annotation gives a source without values. */
    static ConfigSource of(OidcAuthenticationMechanismDefinition definition) {
        Map<String, String> values = new HashMap<>();
        if (definition != null) {
            for (ConfigKey key : ConfigKey.values()) {
                attribute(key).ifPresent(attribute -> values.put(key.key(), read(attribute, definition)));
            }
        }
        return new ConfigSource.MapSource(Map.copyOf(values), ConfigKey::key,
                key -> "@OidcAuthenticationMechanismDefinition(" + attributeName(key) + ")");
    }

    /** The attribute of a key; empty for a key the annotation does not (yet) offer. */
    static java.util.Optional<Method> attribute(ConfigKey key) {
        try {
            return java.util.Optional.of(OidcAuthenticationMechanismDefinition.class.getMethod(attributeName(key)));
        } catch (NoSuchMethodException e) {
            return java.util.Optional.empty();
        }
    }

    private static String read(Method attribute, OidcAuthenticationMechanismDefinition definition) {
        try {
            return (String) attribute.invoke(definition);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + attribute.getName() + " of the annotation", e);
        }
    }
}
