package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.ConfigSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of {@link OidcAuthenticationMechanismDefinition} as a configuration source: attribute
 * {@code clientId} is key {@code client-id}, an empty string is no value, and messages name the attribute. The keys
 * of named registrations are the {@code registrations} entries, {@code "work.client-id=intranet"}; an entry that is
 * not of that form is a {@link #problems problem}, reported with the others.
 */
final class AnnotationConfig implements ConfigSource {

    private static final String ANNOTATION = "@OidcAuthenticationMechanismDefinition";
    private static final String ENTRIES = ANNOTATION + "(registrations)";

    private final Map<String, String> values;
    private final Map<String, Map<String, String>> named;
    private final List<String> malformed;
    private final List<String> entryNames;

    private AnnotationConfig(Map<String, String> values, Map<String, Map<String, String>> named,
                             List<String> malformed, List<String> entryNames) {
        this.values = Map.copyOf(values);
        this.named = Map.copyOf(named);
        this.malformed = List.copyOf(malformed);
        this.entryNames = List.copyOf(entryNames);
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
    static AnnotationConfig of(OidcAuthenticationMechanismDefinition definition) {
        Map<String, String> values = new HashMap<>();
        Map<String, Map<String, String>> named = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        List<String> entryNames = new ArrayList<>();
        if (definition != null) {
            for (ConfigKey key : ConfigKey.values()) {
                attribute(key).ifPresent(attribute -> values.put(key.key(), read(attribute, definition)));
            }
            for (String entry : definition.registrations()) {
                int equals = entry.indexOf('=');
                int dot = entry.indexOf('.');
                if (equals < 0 || dot <= 0 || dot > equals - 2) {
                    malformed.add(ENTRIES + " has '" + entry + "', which is not <name>.<key>=<value> "
                            + "(e.g. work.client-id=intranet)");
                    continue;
                }
                String name = entry.substring(0, dot).trim();
                String key = entry.substring(dot + 1, equals).trim();
                if (named.computeIfAbsent(name, n -> new HashMap<>()).put(key, entry.substring(equals + 1)) != null) {
                    malformed.add(ENTRIES + " has " + name + "." + key + " twice");
                }
                if (!entryNames.contains(name)) {
                    entryNames.add(name);
                }
            }
        }
        return new AnnotationConfig(values, named, malformed, entryNames);
    }

    /**
     * What is wrong with the {@code registrations} entries: one that is no {@code <name>.<key>=<value>}, or a name
     * {@code providers} does not list (a misspelled key of a listed name is the core's to report).
     *
     * @param providers the names {@code providers} lists
     * @param providersKey how {@code providers} was written
     */
    List<String> problems(List<String> providers, String providersKey) {
        List<String> problems = new ArrayList<>(malformed);
        for (String name : entryNames) {
            if (!providers.contains(name)) {
                problems.add(ENTRIES + " has keys of registration '" + name + "', which " + providersKey
                        + " does not name" + (providers.isEmpty() ? "" : " (it names " + String.join(", ", providers)
                        + ")"));
            }
        }
        return problems;
    }

    /** The attribute of a key; empty for a key the annotation does not (yet) offer. */
    static Optional<Method> attribute(ConfigKey key) {
        try {
            return Optional.of(OidcAuthenticationMechanismDefinition.class.getMethod(attributeName(key)));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> value(ConfigKey key) {
        return present(values.get(key.key()));
    }

    @Override
    public String describe(ConfigKey key) {
        return ANNOTATION + "(" + attributeName(key) + ")";
    }

    @Override
    public Optional<String> value(String registration, ConfigKey key) {
        return present(named.getOrDefault(registration, Map.of()).get(key.key()));
    }

    @Override
    public String describe(String registration, ConfigKey key) {
        return entry(registration, key.key());
    }

    @Override
    public Map<String, String> registrationKeys(String registration) {
        Map<String, String> written = new HashMap<>();
        named.getOrDefault(registration, Map.of()).keySet().forEach(key -> written.put(entry(registration, key), key));
        return Map.copyOf(written);
    }

    @Override
    public String toString() {
        return "AnnotationConfig" + Arrays.toString(named.keySet().toArray());
    }

    /** {@code @OidcAuthenticationMechanismDefinition(registrations) entry work.client-id}. */
    private static String entry(String registration, String key) {
        return ENTRIES + " entry " + registration + "." + key;
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String read(Method attribute, OidcAuthenticationMechanismDefinition definition) {
        try {
            return (String) attribute.invoke(definition);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + attribute.getName() + " of the annotation", e);
        }
    }
}
