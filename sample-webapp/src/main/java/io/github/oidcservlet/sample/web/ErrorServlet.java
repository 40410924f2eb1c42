package io.github.oidcservlet.sample.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of every error: status and a plain sentence, never an exception, stack trace or server detail,
 * whatever the container would show by default.
 */
public final class ErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Asked for directly rather than through an error dispatch: there is nothing to show.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code
                : HttpServletResponse.SC_NOT_FOUND;
        String title = status + " " + reason(status);
        Pages.write(request, response, status, title,
                "<p>" + escape(sentence(status)) + "</p>\n<p><a href=\"" + escape(request.getContextPath())
                        + "/\">Back to the home page</a></p>");
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }

    private static String sentence(int status) {
        if (status == 404) {
            return "There is no page at this address.";
        }
        if (status >= 500) {
            return "The request could not be completed. Please try again later.";
        }
        return "The request could not be completed.";
    }
}
