package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.HttpBinding;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.oidcservlet.core.internal.logout.BackchannelLogoutResult;

import java.io.IOException;

/**
 * Error answers in words a user understands: an HTML page for browsers, JSON for API clients. Everything that
 * comes from outside (the provider's {@code error} and {@code error_description}) is escaped; no stack trace, no
 * token, no code and no secret is ever shown. The back-channel logout answer, JSON for the provider, is written
 * here too.
 */
public final class ErrorPages {

    /** Seconds a user is asked to wait when the provider is unreachable. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One error to show.
     *
     * @param status the HTTP status
     * @param title the page's heading
     * @param message what happened, in the user's words
     * @param providerError the provider's {@code error}, or null
     * @param providerErrorDescription the provider's {@code error_description}, or null
     * @param retryable whether to ask the user to try again shortly ({@code Retry-After})
     */
    public record Problem(int status, String title, String message, String providerError,
                          String providerErrorDescription, boolean retryable) {
    }

    private ErrorPages() {
    }

    /**
     * Answers with an error page, unless the response is already committed.
     *
     * @param http the front door's binding
     * @param response the response to write
     * @param problem what to tell
     * @param json whether to answer JSON (API calls) rather than HTML
     * @param homeUrl the application's root, linked from the HTML page
     * @param <R> the container's response type
     * @throws IOException when the client went away
     */
    public static <R> void send(HttpBinding<?, R> http, R response, Problem problem, boolean json, String homeUrl)
            throws IOException {
        if (http.isCommitted(response)) {
            return;
        }
        http.resetBuffer(response);
        http.status(response, problem.status());
        http.header(response, "Cache-Control", "no-store");
        http.header(response, "X-Content-Type-Options", "nosniff");
        if (problem.retryable()) {
            http.header(response, "Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        if (json) {
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
            http.body(response, "application/json", JSON.writeValueAsString(body));
        } else {
            html(http, response, html(problem, homeUrl));
        }
    }

    /** The headers of every HTML page of ours, then the page; status and cache headers are set already. */
    static <R> void html(HttpBinding<?, R> http, R response, String page) throws IOException {
        http.header(response, "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        http.body(response, "text/html", page);
    }

    /** The start of every HTML page of ours, up to and with the opening {@code body}. */
    static StringBuilder head(String title, String extraStyle) {
        return new StringBuilder(1024).append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(title)).append("</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;"
                        + "margin:3rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2rem}")
                .append(extraStyle).append("</style></head><body>\n");
    }

    /**
     * The answer to the provider's back-channel logout request (OpenID Back-Channel Logout 1.0 §2.8): the status,
     * never cached, and a JSON {@code error} when it failed.
     */
    public static <R> void sendBackchannel(HttpBinding<?, R> http, R response, BackchannelLogoutResult result)
            throws IOException {
        http.status(response, result.status());
        // §2.8: "The response SHOULD include Cache-Control: no-store".
        http.header(response, "Cache-Control", "no-store");
        if (result.error() != null) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error", result.error());
            body.put("error_description", result.errorDescription());
            http.body(response, "application/json", JSON.writeValueAsString(body));
        }
    }

    static String html(Problem problem, String homeUrl) {
        StringBuilder page = head(problem.title(), "");
        page.append("<h1>").append(escape(problem.title())).append("</h1>\n<p>").append(escape(problem.message())).append("</p>\n");
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

    /**
     * HTML escaping for text and attribute values.
     *
     * @param text any text, or null
     * @return the text safe between tags and inside quoted attributes; {@code ""} for null
     */
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
