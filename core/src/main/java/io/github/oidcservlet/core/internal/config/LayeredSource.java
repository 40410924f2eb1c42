package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.ConfigSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sources in order of precedence ({@link ConfigSource#layered}): the first that has a value wins, and its spelling
 * is the one messages use; a key no source has is described by every spelling, the weakest first.
 *
 * @param sources the sources, the strongest first
 */
public record LayeredSource(List<ConfigSource> sources) implements ConfigSource {

    /** Copies the list. */
    public LayeredSource {
        sources = List.copyOf(sources);
    }

    @Override
    public Optional<String> value(ConfigKey key) {
        return first(source -> source.value(key));
    }

    @Override
    public String describe(ConfigKey key) {
        return described(source -> source.value(key), source -> source.describe(key), "'" + key.key() + "'");
    }

    @Override
    public Optional<String> value(String registration, ConfigKey key) {
        return first(source -> source.value(registration, key));
    }

    @Override
    public String describe(String registration, ConfigKey key) {
        return described(source -> source.value(registration, key), source -> source.describe(registration, key),
                "'" + registration + "." + key.key() + "'");
    }

    @Override
    public Map<String, String> registrationKeys(String registration) {
        Map<String, String> merged = new HashMap<>();
        for (ConfigSource source : sources) {
            source.registrationKeys(registration).forEach(merged::putIfAbsent);
        }
        return Map.copyOf(merged);
    }

    @Override
    public Map<String, String> storeValues() {
        Map<String, String> merged = new HashMap<>();
        for (ConfigSource source : sources) {
            source.storeValues().forEach(merged::putIfAbsent);
        }
        return Map.copyOf(merged);
    }

    @Override
    public String describe(String plainKey) {
        for (ConfigSource source : sources) {
            if (source.storeValues().containsKey(plainKey)) {
                return source.describe(plainKey);
            }
        }
        return sources.isEmpty() ? "'" + plainKey + "'" : sources.get(sources.size() - 1).describe(plainKey);
    }

    private Optional<String> first(Function<ConfigSource, Optional<String>> value) {
        for (ConfigSource source : sources) {
            Optional<String> found = value.apply(source);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The spelling of the source that has the value, else every spelling, the weakest first. */
    private String described(Function<ConfigSource, Optional<String>> value, Function<ConfigSource, String> spelling,
                             String plain) {
        for (ConfigSource source : sources) {
            if (value.apply(source).isPresent()) {
                return spelling.apply(source);
            }
        }
        List<String> spellings = new ArrayList<>();
        for (ConfigSource source : sources) {
            spellings.add(spelling.apply(source));
        }
        Collections.reverse(spellings);
        return spellings.isEmpty() ? plain : String.join(" or ", spellings);
    }

    @Override
    public String toString() {
        return "ConfigSource" + sources;
    }
}
