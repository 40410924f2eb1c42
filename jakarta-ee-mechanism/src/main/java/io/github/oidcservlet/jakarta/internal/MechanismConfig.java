package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.OidcRegistrations;
import io.github.oidcservlet.core.internal.config.ConfigKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The mechanism's configuration sources in their order of precedence: system properties, environment variables,
 * MicroProfile Config (when present), then the {@link OidcAuthenticationMechanismDefinition} attributes; every
 * registration {@code providers} names reads its keys from each of them ({@code oidc.work.issuer},
 * {@code OIDC_WORK_ISSUER}, the annotation's {@code registrations} entry {@code work.issuer=...}). A misspelled
 * system property that MicroProfile Config reads too is reported once ({@link BesideSystemProperties}).
 */
final class MechanismConfig {

    private MechanismConfig() {
    }

    /** Reads and checks every registration; throws {@code OidcConfigException} listing every problem. */
    static OidcRegistrations read(OidcAuthenticationMechanismDefinition definition, Properties systemProperties,
                                  Map<String, String> environment, Optional<ConfigSource> microProfileConfig) {
        List<ConfigSource> sources = new ArrayList<>();
        sources.add(ConfigSource.systemProperties(systemProperties));
        sources.add(ConfigSource.environment(environment));
        microProfileConfig.map(config -> new BesideSystemProperties(config, systemProperties.stringPropertyNames()))
                .ifPresent(sources::add);
        AnnotationConfig annotation = AnnotationConfig.of(definition);
        sources.add(annotation);
        ConfigSource source = ConfigSource.layered(sources);
        // the annotation's entries are checked as the filter's init-params are: with every other problem, at once
        List<String> problems = new ArrayList<>();
        try {
            OidcRegistrations registrations = OidcRegistrations.from(source);
            problems.addAll(annotation.problems(names(source), source.describe(ConfigKey.PROVIDERS)));
            if (problems.isEmpty()) {
                return registrations;
            }
        } catch (OidcConfigException e) {
            problems.addAll(e.problems());
            problems.addAll(annotation.problems(names(source), source.describe(ConfigKey.PROVIDERS)));
        }
        throw new OidcConfigException(problems);
    }

    /** The names {@code providers} lists as written; the core checks them. */
    private static List<String> names(ConfigSource source) {
        return source.value(ConfigKey.PROVIDERS).map(text -> Arrays.stream(text.split(",")).map(String::trim)
                .filter(name -> !name.isEmpty()).toList()).orElse(List.of());
    }
}
