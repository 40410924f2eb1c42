package io.github.oidcservlet.sample.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/** The sample's one page layout, and the HTML escaping every page goes through. */
public final class Pages {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5}nav a{margin-right:1rem}table{border-collapse:collapse}"
            + "th,td{text-align:left;vertical-align:top;padding:.2rem 1rem .2rem 0;border-bottom:1px solid #ddd}"
            + "code{word-break:break-all}";

    private Pages() {
    }

    /**
     * Writes a complete page. {@code title} is text and is escaped here; {@code bodyHtml} is markup, so whoever
     * builds it escapes every value in it with {@link #escape}.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String bodyHtml) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        // Pages show personal data: never cache them, never let them be framed or sniffed.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; "
                        + "frame-ancestors 'none'");
        String root = escape(request.getContextPath());
        PrintWriter out = response.getWriter();
        out.print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · oidc-servlet sample</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<nav><a href=\"" + root + "/\">Home</a><a href=\"" + root + "/profile\">Profile</a>"
                + "<a href=\"" + root + "/admin\">Admin</a><a href=\"" + root + "/api/me\">/api/me</a>"
                + (request.getRemoteUser() == null ? "" : "<a href=\"" + root + "/oidc/logout\">Log out</a>")
                + "</nav>\n"
                + "<main>\n<h1>" + escape(title) + "</h1>\n" + bodyHtml + "\n</main>\n</body>\n</html>\n");
    }

    /** Escapes text for HTML element content and quoted attribute values; null becomes empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
