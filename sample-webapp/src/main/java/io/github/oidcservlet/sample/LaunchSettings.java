package io.github.oidcservlet.sample;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What both sample launchers (Jetty here, GlassFish in the Jakarta EE sample) read from the environment, and what
 * they tell the person who started them. No server types, so that both can use it.
 */
public final class LaunchSettings {

    public static final int DEFAULT_PORT = 8080;

    private LaunchSettings() {
    }

    /** True when no provider is configured, so that the sample should bring its own. */
    public static boolean needsDemoProvider(Map<String, String> environment, Properties systemProperties) {
        return Stream.of("issuer", "authorization-endpoint").noneMatch(key ->
                isSet(environment.get("OIDC_" + key.toUpperCase(Locale.ROOT).replace('-', '_')))
                        || isSet(systemProperties.getProperty("oidc." + key)));
    }

    /**
     * The demo provider a sample starts, or null. Without {@code OIDC_PROVIDERS} (or {@code oidc.providers}): one
     * issuer when neither an issuer nor an authorization endpoint is configured. With it: one issuer per named
     * registration that has neither ({@code OIDC_<NAME>_ISSUER}, {@code OIDC_<NAME>_AUTHORIZATION_ENDPOINT} or
     * their {@code oidc.<name>.*} system properties), the issuer's path being the registration's name.
     */
    public static DemoProvider startDemoProvider(Map<String, String> environment, Properties systemProperties) {
        Optional<String> providers = providers(environment, systemProperties);
        if (providers.isEmpty()) {
            return needsDemoProvider(environment, systemProperties) ? DemoProvider.start() : null;
        }
        List<String> unconfigured = Arrays.stream(providers.get().split(",")).map(String::trim)
                .filter(name -> !name.isEmpty() && !isConfigured(name, environment, systemProperties)).toList();
        return unconfigured.isEmpty() ? null : DemoProvider.start(unconfigured);
    }

    /** The filter init-params that point the sample at {@code demo} (none without it), lowest precedence. */
    public static Map<String, String> demoParameters(DemoProvider demo, Map<String, String> environment,
                                                     Properties systemProperties) {
        if (demo == null) {
            return Map.of();
        }
        Optional<String> providers = providers(environment, systemProperties);
        return providers.isPresent() ? demo.filterParameters(providers.get()) : demo.filterParameters();
    }

    private static Optional<String> providers(Map<String, String> environment, Properties systemProperties) {
        String value = systemProperties.getProperty("oidc.providers");
        if (!isSet(value)) {
            value = environment.get("OIDC_PROVIDERS");
        }
        return isSet(value) ? Optional.of(value.trim()) : Optional.empty();
    }

    private static boolean isConfigured(String name, Map<String, String> environment, Properties systemProperties) {
        return Stream.of("issuer", "authorization-endpoint").anyMatch(key ->
                isSet(environment.get(("OIDC_" + name + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_')))
                        || isSet(systemProperties.getProperty("oidc." + name + "." + key)));
    }

    /** The port from {@code PORT}, default {@value #DEFAULT_PORT}; 0 means any free port. */
    public static int port(Map<String, String> environment) {
        String value = environment.get("PORT");
        if (!isSet(value)) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("PORT must be a number from 0 to 65535, not '" + value + "'");
    }

    /** What to tell the person who started {@code application} at {@code url}; {@code demo} may be null. */
    public static String instructions(String application, String url, DemoProvider demo) {
        StringBuilder text = new StringBuilder(application).append(": open ").append(url).append('\n');
        if (demo == null) {
            text.append("OpenID Provider and client from the OIDC_* environment variables and oidc.* system properties.\n");
        } else if (demo.issuerIds().size() > 1 || !demo.issuerIds().contains(DemoProvider.ISSUER_ID)) {
            text.append("Demo OpenID Provider with one issuer per registration OIDC_PROVIDERS names without an issuer:");
            demo.issuerIds().forEach(id -> text.append(' ').append(demo.issuer(id)));
            text.append("\nOn its login page type any user name: 'admin' or 'demo' gets the admin role,")
                    .append(" any other name (say 'alice') does not.\n");
        } else {
            text.append("Demo OpenID Provider at ").append(demo.issuer())
                    .append(" (started because OIDC_ISSUER is not set).\n")
                    .append("On its login page type any user name: 'admin' or 'demo' gets the admin role,")
                    .append(" any other name (say 'alice') does not.\n");
        }
        return text.append("Stop with Ctrl-C.").toString();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
