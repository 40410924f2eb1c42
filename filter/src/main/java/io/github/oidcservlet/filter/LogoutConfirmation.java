package io.github.oidcservlet.filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Logout without intent is a CSRF target (RFC 9700 §4.7, OpenID RP-Initiated Logout 1.0 §6): a request another
 * site triggers ({@code Sec-Fetch-Site: cross-site} or {@code same-site}, or a foreign or opaque {@code Origin})
 * does not log out; it gets a small page whose button POSTs back with a token bound to the session. So does a
 * request that carries neither {@code Sec-Fetch-Site} nor {@code Origin}: its origin is unknown. A navigation from
 * the application's own pages, a typed URL (both {@code Sec-Fetch-Site}), and a same-origin POST log out at once.
 */
final class LogoutConfirmation {

    /** Session attribute holding the token of the confirmation form. */
    static final String TOKEN_ATTRIBUTE = "io.github.oidcservlet.logout-confirmation";
    /** Form field carrying that token. */
    static final String TOKEN_PARAMETER = "confirm";

    private final SecureRandom random = new SecureRandom();
    private final AppUrls urls;

    LogoutConfirmation(AppUrls urls) {
        this.urls = urls;
    }

    /** Whether this request shows the user's intent to log out. */
    boolean isIntended(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        // Fetch Metadata: "cross-site" and "same-site" come from another origin; "same-origin" and "none" (typed,
        // bookmarked) are the user's own.
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin(request))) {
            return false;
        }
        String token = request.getParameter(TOKEN_PARAMETER);
        if (token != null) {
            // the confirmation form's token, bound to the session, shows intent whatever headers came with it
            return "POST".equals(request.getMethod()) && matches(request, token);
        }
        // Neither Fetch Metadata nor Origin (older Safari, webviews, an <img src> of another site): nothing tells
        // who triggered it, so it is not taken as the user's intent (RFC 9700 §4.7); the page asks instead.
        return site != null || origin != null;
    }

    /** Answers with the confirmation page; the form posts back to the logout path with a fresh token. */
    void ask(HttpServletRequest request, HttpServletResponse response, String logoutUrl) throws IOException {
        String token = newToken();
        request.getSession(true).setAttribute(TOKEN_ATTRIBUTE, token);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // a confirmation page inside another site's frame could be clicked through (clickjacking)
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "frame-ancestors 'none'");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Log out?</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;"
                + "padding:0 1rem}</style></head><body>\n<h1>Log out?</h1>\n"
                + "<p>Another site asked to log you out of this application. Do you want to log out?</p>\n"
                + "<form method=\"post\" action=\"" + ErrorPages.escape(logoutUrl) + "\">"
                + "<input type=\"hidden\" name=\"" + TOKEN_PARAMETER + "\" value=\"" + token + "\">"
                + "<button type=\"submit\" id=\"logout\">Log out</button></form>\n"
                + "<p><a href=\"" + ErrorPages.escape(AppUrls.root(request)) + "\">Stay logged in</a></p>\n"
                + "</body></html>\n");
    }

    private static boolean matches(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(TOKEN_ATTRIBUTE);
        return expected instanceof String text && MessageDigest.isEqual(text.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** RFC 6454 serialization of this application's origin: scheme, host and port only. */
    private String ownOrigin(HttpServletRequest request) {
        URI base = URI.create(urls.base(request));
        int port = base.getPort();
        boolean defaultPort = port < 0 || (base.getScheme().equals("http") && port == 80)
                || (base.getScheme().equals("https") && port == 443);
        return base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
