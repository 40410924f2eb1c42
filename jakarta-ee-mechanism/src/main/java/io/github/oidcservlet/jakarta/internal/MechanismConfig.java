package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The mechanism's configuration sources in their order of precedence: system properties, environment variables,
 * MicroProfile Config (when present), then the {@link OidcAuthenticationMechanismDefinition} attributes.
 */
final class MechanismConfig {

    private MechanismConfig() {
    }

    /** Reads and checks the configuration; throws {@code OidcConfigException} listing every problem. */
    static OidcConfig read(OidcAuthenticationMechanismDefinition definition, Properties systemProperties,
                           Map<String, String> environment, Optional<ConfigSource> microProfileConfig) {
        List<ConfigSource> sources = new ArrayList<>();
        sources.add(ConfigSource.systemProperties(systemProperties));
        sources.add(ConfigSource.environment(environment));
        microProfileConfig.ifPresent(sources::add);
        sources.add(AnnotationConfig.of(definition));
        return OidcConfig.from(ConfigSource.layered(sources));
    }
}
