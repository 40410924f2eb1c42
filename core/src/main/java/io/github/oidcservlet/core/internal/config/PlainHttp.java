package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.OidcConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 6749 §3.1 ("the authorization server MUST require the use of TLS ... when sending requests to the
 * authorization endpoint") and §3.2 (the same for the token endpoint): a provider endpoint must be {@code https},
 * unless it is on this machine (127.0.0.0/8, ::1, localhost), where nothing crosses a network, or the operator
 * says so with {@code allow-http=true}. Used for configured endpoints at start-up and for discovered ones.
 */
public final class PlainHttp {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PlainHttp() {
    }

    /** {@return whether {@code text} starts with {@code https://} or {@code http://}, in any case} */
    public static boolean isHttpUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** True when {@code uri} is a plain {@code http://} URL to a host that is not loopback. */
    public static boolean refused(URI uri, boolean allowHttp) {
        return !allowHttp && uri != null && "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
    }

    /** Why it is refused, to follow the endpoint's name or key: "is plain http (...) ...". */
    public static String reason(URI uri) {
        return "is plain http (" + uri + ") on a host that is not loopback: tokens and codes would cross the "
                + "network unencrypted (RFC 6749 §3.1, §3.2); use https, or set allow-http=true to accept it";
    }

    /** Reports every configured provider URL that is refused, naming its key. */
    public static void check(ConfigReader in, OidcConfig config) {
        Map<ConfigKey, Optional<URI>> configured = new LinkedHashMap<>();
        // the issuer is a URL the configuration names too when discovery is derived from it
        String issuer = config.issuer();
        // (a multi-tenant template names no discovery document: a problem TenantIssuers reports)
        if (issuer != null && issuer.regionMatches(true, 0, "http://", 0, 7) && !config.manualEndpoints()
                && config.discoveryUri().isEmpty() && !TenantIssuers.isTemplate(issuer)) {
            configured.put(ConfigKey.ISSUER, Optional.of(config.effectiveDiscoveryUri()));
        }
        configured.put(ConfigKey.DISCOVERY_URI, config.discoveryUri());
        configured.put(ConfigKey.AUTHORIZATION_ENDPOINT, config.authorizationEndpoint());
        configured.put(ConfigKey.TOKEN_ENDPOINT, config.tokenEndpoint());
        configured.put(ConfigKey.USERINFO_ENDPOINT, config.userinfoEndpoint());
        configured.put(ConfigKey.JWKS_URI, config.jwksUri());
        configured.put(ConfigKey.END_SESSION_ENDPOINT, config.endSessionEndpoint());
        configured.put(ConfigKey.REVOCATION_ENDPOINT, config.revocationEndpoint());
        configured.put(ConfigKey.PAR_ENDPOINT, config.par().configuredEndpoint());
        configured.forEach((key, uri) -> {
            if (uri.isPresent() && refused(uri.get(), config.allowHttp())) {
                in.problem(key, reason(uri.get()));
            }
        });
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        // Literal addresses only: a name is never resolved here (no DNS at start-up, no rebinding games).
        boolean literal = IPV4.matcher(name).matches() || name.startsWith("[") && name.endsWith("]");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(name.startsWith("[") ? name.substring(1, name.length() - 1) : name)
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
