package io.github.oidcservlet.core.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Adds {@code SameSite} to the container's session cookie where the container wrote none: Servlet 4.0's
 * {@code web.xml} cannot ask for it, and GlassFish, Payara and WildFly drop the attribute of Servlet 6's. The
 * session cookie carries the login, so it must not ride along on cross-site subrequests (RFC 9700 §4.7, CSRF;
 * RFC 6265bis §8.8). A cookie that already has a {@code SameSite} is the container's decision and stays as it is.
 *
 * @param <Q> the container's request type
 * @param <R> the container's response type
 */
final class SessionCookieSameSite<Q, R> {

    private static final String SET_COOKIE = "Set-Cookie";
    /** An attribute {@code SameSite=...} after the name-value pair, any case, any spaces around. */
    private static final Pattern HAS_SAME_SITE = Pattern.compile(";\\s*samesite\\s*=");

    private final HttpBinding<Q, R> http;
    private final String value;

    /**
     * @param value {@code Lax} or {@code Strict}; null leaves every cookie alone
     */
    SessionCookieSameSite(HttpBinding<Q, R> http, String value) {
        this.http = http;
        this.value = value;
    }

    /** Before the response is committed: the session cookie set on it, if any, gets {@code SameSite}. */
    void addTo(Q request, R response) {
        if (value == null || http.isCommitted(response)) {
            return;
        }
        List<String> cookies = http.responseHeaders(response, SET_COOKIE);
        if (cookies.isEmpty()) {
            return;
        }
        String prefix = http.sessionCookieName(request) + "=";
        List<String> rewritten = new ArrayList<>(cookies.size());
        boolean changed = false;
        for (String cookie : cookies) {
            if (cookie.startsWith(prefix) && !HAS_SAME_SITE.matcher(cookie.toLowerCase(Locale.ROOT)).find()) {
                rewritten.add(cookie + "; SameSite=" + value);
                changed = true;
            } else {
                rewritten.add(cookie);
            }
        }
        if (changed) {
            http.replaceResponseHeaders(response, SET_COOKIE, rewritten);
        }
    }
}
