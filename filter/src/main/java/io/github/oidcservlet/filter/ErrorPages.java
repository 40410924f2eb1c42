package io.github.oidcservlet.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Error answers in words a user understands: an HTML page for browsers, JSON for API clients. Everything that
 * comes from outside (the provider's {@code error} and {@code error_description}) is escaped; no stack trace, no
 * token, no code and no secret is ever shown.
 */
public final class ErrorPages {

    /** Seconds a user is asked to wait when the provider is unreachable. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One error to show. {@code providerError}/{@code providerErrorDescription} may be null. */
    public record Problem(int status, String title, String message, String providerError,
                          String providerErrorDescription, boolean retryable) {
    }

    public void send(HttpServletResponse response, Problem problem, boolean json, String homeUrl) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (problem.retryable()) {
            response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        response.setCharacterEncoding("UTF-8");
        if (json) {
            response.setContentType("application/json");
            ObjectNode body = JSON.createObjectNode();
            body.put("error", code(problem.status()));
            body.put("message", problem.message());
            if (problem.providerError() != null) {
                body.put("provider_error", problem.providerError());
            }
            if (problem.providerErrorDescription() != null) {
                body.put("provider_error_description", problem.providerErrorDescription());
            }
            if (problem.retryable()) {
                body.put("retry_after", RETRY_AFTER_SECONDS);
            }
            response.getWriter().write(JSON.writeValueAsString(body));
        } else {
            response.setContentType("text/html");
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            response.getWriter().write(html(problem, homeUrl));
        }
    }

    static String html(Problem problem, String homeUrl) {
        StringBuilder page = new StringBuilder(1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(problem.title())).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}"
                        + "code{background:#f3f3f3;padding:0 .2rem}</style></head><body>\n<h1>")
                .append(escape(problem.title())).append("</h1>\n<p>").append(escape(problem.message())).append("</p>\n");
        if (problem.providerError() != null) {
            page.append("<p>The identity provider said: <code>").append(escape(problem.providerError())).append("</code>");
            if (problem.providerErrorDescription() != null) {
                page.append(" &ndash; ").append(escape(problem.providerErrorDescription()));
            }
            page.append("</p>\n");
        }
        if (problem.retryable()) {
            page.append("<p>Please try again in ").append(RETRY_AFTER_SECONDS).append(" seconds.</p>\n");
        }
        page.append("<p><a href=\"").append(escape(homeUrl)).append("\">Back to the application</a></p>\n</body></html>\n");
        return page.toString();
    }

    /** HTML escaping for text and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static String code(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "access_denied";
            case 502 -> "bad_gateway";
            case 503 -> "provider_unavailable";
            default -> "login_failed";
        };
    }
}
