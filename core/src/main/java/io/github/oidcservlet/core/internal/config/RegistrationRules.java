package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.OidcConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that tie a registration's keys together (manual endpoints, discovery, the keys to verify ID tokens)
 * and its {@code hosts} rule. Each problem is reported on the reader, naming its key as the user wrote it.
 */
public final class RegistrationRules {

    /** A DNS name, or one below a wildcard label ({@code *.example.com}). */
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private RegistrationRules() {
    }

    /** {@return the {@code hosts} rule: lower-case host names, each exact or {@code *.suffix}} */
    public static List<String> hosts(ConfigReader in) {
        Optional<String> text = in.optional(ConfigKey.HOSTS);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> hosts = new ArrayList<>();
        for (String host : Arrays.stream(text.get().split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList()) {
            String lower = host.toLowerCase(Locale.ROOT);
            if (HOST.matcher(lower).matches()) {
                hosts.add(lower);
            } else {
                in.problem(ConfigKey.HOSTS, "has '" + host + "'; use host names (work.example.com) or a wildcard "
                        + "below one (*.work.example.com), without scheme or port");
            }
        }
        return List.copyOf(hosts);
    }

    /** Reports the combinations of a registration's provider keys that cannot work. */
    public static void checkEndpoints(ConfigReader in, OidcConfig config) {
        boolean manual = config.manualEndpoints();
        if (config.authorizationEndpoint().isPresent() && config.tokenEndpoint().isEmpty()) {
            in.problem(ConfigKey.TOKEN_ENDPOINT, "is required when authorization-endpoint is set (manual endpoints)");
        }
        if (config.tokenEndpoint().isPresent() && config.authorizationEndpoint().isEmpty()) {
            in.problem(ConfigKey.AUTHORIZATION_ENDPOINT, "is required when token-endpoint is set (manual endpoints)");
        }
        String issuer = config.issuer();
        if (issuer != null && !manual && config.discoveryUri().isEmpty() && !PlainHttp.isHttpUrl(issuer)) {
            in.problem(ConfigKey.ISSUER, "is '" + issuer + "', not an http(s) URL, so discovery cannot be used: set "
                    + "discovery-uri, or authorization-endpoint and token-endpoint");
        }
        List<String> algs = config.idTokenAlgs();
        if (manual && config.jwksUri().isEmpty()
                && (algs.isEmpty() || algs.stream().anyMatch(a -> !LoginRequestRules.isHmac(a)))) {
            in.problem(ConfigKey.JWKS_URI, "is required with manual endpoints to verify "
                    + (algs.isEmpty() ? "RS256" : String.join("/", algs))
                    + " ID tokens (only HS256/384/512 in id-token-algs need no jwks-uri)");
        }
    }
}
