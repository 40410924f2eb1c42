package io.github.oidcservlet.core.internal.config;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * How the keys about the application itself are read and checked: the unit of {@code expires_in}, the post-logout
 * redirect, the external base URL and the session cookie's {@code SameSite}. Each problem is reported on the reader,
 * naming its key.
 */
public final class ApplicationRules {

    private ApplicationRules() {
    }

    /** {@return the unit of {@code expires_in} ({@code expires-in-unit})} */
    public static ChronoUnit expiresInUnit(ConfigReader in) {
        String text = in.optional(ConfigKey.EXPIRES_IN_UNIT).orElseThrow().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "milliseconds" -> ChronoUnit.MILLIS;
            default -> {
                in.problem(ConfigKey.EXPIRES_IN_UNIT, "must be seconds or milliseconds, got '" + text + "'");
                yield ChronoUnit.SECONDS;
            }
        };
    }

    /** {@return {@code post-logout-redirect-uri}: a path or an absolute URL, or null} */
    public static String postLogoutRedirectUri(ConfigReader in) {
        Optional<String> text = in.optional(ConfigKey.POST_LOGOUT_REDIRECT_URI);
        if (text.isPresent() && !text.get().startsWith("/")) {
            in.parseUrl(ConfigKey.POST_LOGOUT_REDIRECT_URI, text.get());
        } else if (text.isPresent() && text.get().startsWith("//")) {
            in.problem(ConfigKey.POST_LOGOUT_REDIRECT_URI, "must be a path ('/bye') or an absolute URL, got '" + text.get() + "'");
        }
        return text.orElse(null);
    }

    /** {@return {@code session-cookie-same-site} as written on a cookie ({@code Lax}, {@code Strict}), or null for none} */
    public static String sessionCookieSameSite(ConfigReader in) {
        String text = in.optional(ConfigKey.SESSION_COOKIE_SAME_SITE).orElseThrow();
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "lax" -> "Lax";
            case "strict" -> "Strict";
            case "none" -> null;
            default -> {
                in.problem(ConfigKey.SESSION_COOKIE_SAME_SITE, "must be Lax, Strict or none (leave the container's "
                        + "cookie as it is), got '" + text + "'");
                yield null;
            }
        };
    }

    /** {@return {@code base-url}, without a query, or null} */
    public static URI baseUrl(ConfigReader in) {
        URI uri = in.url(ConfigKey.BASE_URL);
        if (uri != null && (uri.getRawQuery() != null)) {
            in.problem(ConfigKey.BASE_URL, "must not have a query, got '" + uri + "'");
        }
        return uri;
    }
}
