package io.github.oidcservlet.sample;

import java.util.Locale;
import java.util.Map;
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
