package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.ConfigSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads typed values from a {@link ConfigSource}, collecting every problem instead of stopping at the first. A
 * reader {@link #forRegistration for a named registration} reads its per-registration keys in their named form
 * ({@code OIDC_WORK_ISSUER}, see {@link RegistrationKeys}) and names them so in its problems; it shares the list
 * of problems with the reader it came from.
 */
public final class ConfigReader {

    private final ConfigSource source;
    private final List<String> problems;
    /** The registration whose named keys are read, or null for the un-named keys. */
    private final String registration;

    public ConfigReader(ConfigSource source) {
        this(source, new ArrayList<>(), null);
    }

    private ConfigReader(ConfigSource source, List<String> problems, String registration) {
        this.source = source;
        this.problems = problems;
        this.registration = registration;
    }

    /** {@return a reader of the named registration's keys, reporting into the same problems} */
    public ConfigReader forRegistration(String name) {
        return new ConfigReader(source, problems, name);
    }

    /** {@return the registration's name, or null for the un-named keys} */
    public String registration() {
        return registration;
    }

    public ConfigSource source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }

    public void problem(ConfigKey key, String what) {
        problems.add(describe(key) + " " + what);
    }

    /** {@return how the user wrote the key whose value this reader reads (or would write it)} */
    public String describe(ConfigKey key) {
        if (!named(key)) {
            return source.describe(key);
        }
        boolean fromUnnamed = source.value(registration, key).isEmpty() && RegistrationKeys.inherited(key)
                && source.value(key).isPresent();
        return fromUnnamed ? source.describe(key) : source.describe(registration, key);
    }

    public Optional<String> optional(ConfigKey key) {
        Optional<String> value = raw(key);
        return value.isPresent() ? value : Optional.ofNullable(key.defaultValue());
    }

    /** The written value: a named registration's own, else (for inherited keys) the un-named one. */
    private Optional<String> raw(ConfigKey key) {
        if (!named(key)) {
            return source.value(key);
        }
        Optional<String> own = source.value(registration, key);
        return own.isPresent() || !RegistrationKeys.inherited(key) ? own : source.value(key);
    }

    private boolean named(ConfigKey key) {
        return registration != null && RegistrationKeys.perRegistration(key);
    }

    public String required(ConfigKey key) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            problem(key, "is required");
            return null;
        }
        return value.get();
    }

    /** An absolute http(s) URL, or null when absent or invalid (invalid is reported). */
    public URI url(ConfigKey key) {
        return optional(key).map(text -> parseUrl(key, text)).orElse(null);
    }

    public URI parseUrl(ConfigKey key, String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                problem(key, "must be an absolute http(s) URL, got '" + text + "'");
                return null;
            }
            if (uri.getRawFragment() != null) {
                problem(key, "must not have a #fragment, got '" + text + "'");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problem(key, "is not a valid URL ('" + text + "': " + e.getReason() + ")");
            return null;
        }
    }

    /** A whole number of seconds, at least {@code min}. */
    public Duration seconds(ConfigKey key, long min) {
        String text = optional(key).orElseThrow();
        try {
            long value = Long.parseLong(text);
            if (value < min) {
                problem(key, "must be at least " + min + " (seconds), got '" + text + "'");
                return Duration.ofSeconds(min);
            }
            return Duration.ofSeconds(value);
        } catch (NumberFormatException e) {
            problem(key, "must be a whole number of seconds, got '" + text + "'");
            return Duration.ofSeconds(min);
        }
    }

    /** A whole number of bytes, at least {@code min}. */
    public long bytes(ConfigKey key, long min) {
        String text = optional(key).orElseThrow();
        try {
            long value = Long.parseLong(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(key, "must be a whole number of bytes, at least " + min + ", got '" + text + "'");
        return min;
    }

    public boolean bool(ConfigKey key) {
        String text = optional(key).orElseThrow().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            problem(key, "must be true or false, got '" + text + "'");
        }
        return text.equals("true");
    }

    /** A path inside the application: starts with '/', no query, no wildcard. */
    public String path(ConfigKey key) {
        String text = optional(key).orElseThrow();
        if (!text.startsWith("/") || text.startsWith("//") || text.contains("?") || text.contains("*")
                || text.contains("#")) {
            problem(key, "must be a path inside the application starting with '/', got '" + text + "'");
        }
        return text;
    }

    /** Comma-separated servlet-style patterns: exact ({@code /}), prefix ({@code /public/*}), suffix ({@code *.css}). */
    public List<String> patterns(ConfigKey key) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> patterns = new ArrayList<>();
        for (String pattern : Arrays.stream(text.get().split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList()) {
            if (PathPattern.of(pattern) != null) {
                patterns.add(pattern);
            } else {
                problem(key, "has pattern '" + pattern + "'; use an exact path (/about), a prefix (/public/*) or a suffix (*.css)");
            }
        }
        return List.copyOf(patterns);
    }
}
