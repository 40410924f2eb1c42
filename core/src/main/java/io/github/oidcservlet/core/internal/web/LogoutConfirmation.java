package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.HttpBinding;
import io.github.oidcservlet.core.internal.RandomTokens;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * Logout without intent is a CSRF target (RFC 9700 §4.7, OpenID RP-Initiated Logout 1.0 §6): a request another
 * site triggers ({@code Sec-Fetch-Site: cross-site} or {@code same-site}, or a foreign or opaque {@code Origin})
 * does not log out; it gets a small page whose button POSTs back with a token bound to the session. So does a
 * request that carries neither {@code Sec-Fetch-Site} nor {@code Origin}: its origin is unknown. A navigation from
 * the application's own pages, a typed URL (both {@code Sec-Fetch-Site}), and a same-origin POST log out at once.
 *
 * @param <Q> the container's request type
 * @param <R> the container's response type
 */
public final class LogoutConfirmation<Q, R> {

    /** Session attribute holding the token of the confirmation form. */
    static final String TOKEN_ATTRIBUTE = "io.github.oidcservlet.logout-confirmation";
    /** Form field carrying that token. */
    static final String TOKEN_PARAMETER = "confirm";

    private final HttpBinding<Q, R> http;
    private final AppUrls<Q> urls;

    public LogoutConfirmation(HttpBinding<Q, R> http, AppUrls<Q> urls) {
        this.http = http;
        this.urls = urls;
    }

    /**
     * Whether this request shows the user's intent to log out.
     *
     * @throws IllegalArgumentException when the container cannot parse the parameters
     */
    public boolean isIntended(Q request) {
        String site = http.header(request, "Sec-Fetch-Site");
        // Fetch Metadata: "cross-site" and "same-site" come from another origin; "same-origin" and "none" (typed,
        // bookmarked) are the user's own.
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return false;
        }
        String origin = http.header(request, "Origin");
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin(request))) {
            return false;
        }
        List<String> tokens = http.parameters(request).get(TOKEN_PARAMETER);
        if (tokens != null && !tokens.isEmpty()) {
            // the confirmation form's token, bound to the session, shows intent whatever headers came with it
            return "POST".equals(http.method(request)) && matches(request, tokens.get(0));
        }
        // Neither Fetch Metadata nor Origin (older Safari, webviews, an <img src> of another site): nothing tells
        // who triggered it, so it is not taken as the user's intent (RFC 9700 §4.7); the page asks instead.
        return site != null || origin != null;
    }

    /** Answers with the confirmation page; the form posts back to the logout path with a fresh token. */
    public void ask(Q request, R response, String logoutUrl) throws IOException {
        String token = RandomTokens.of(32);
        http.setSessionAttribute(request, TOKEN_ATTRIBUTE, token);
        http.status(response, 200);
        http.header(response, "Cache-Control", "no-store");
        http.header(response, "X-Content-Type-Options", "nosniff");
        // a confirmation page inside another site's frame could be clicked through (clickjacking)
        http.header(response, "X-Frame-Options", "DENY");
        http.header(response, "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "frame-ancestors 'none'");
        http.body(response, "text/html", "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Log out?</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;"
                + "padding:0 1rem}</style></head><body>\n<h1>Log out?</h1>\n"
                + "<p>Another site asked to log you out of this application. Do you want to log out?</p>\n"
                + "<form method=\"post\" action=\"" + ErrorPages.escape(logoutUrl) + "\">"
                + "<input type=\"hidden\" name=\"" + TOKEN_PARAMETER + "\" value=\"" + token + "\">"
                + "<button type=\"submit\" id=\"logout\">Log out</button></form>\n"
                + "<p><a href=\"" + ErrorPages.escape(urls.root(request)) + "\">Stay logged in</a></p>\n"
                + "</body></html>\n");
    }

    private boolean matches(Q request, String token) {
        Object expected = http.sessionAttribute(request, TOKEN_ATTRIBUTE);
        return expected instanceof String text && MessageDigest.isEqual(text.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 6454 serialization of this application's origin: scheme, host and port only. */
    private String ownOrigin(Q request) {
        URI base = URI.create(urls.base(request));
        int port = base.getPort();
        boolean defaultPort = port < 0 || (base.getScheme().equals("http") && port == 80)
                || (base.getScheme().equals("https") && port == 443);
        return base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port);
    }
}
