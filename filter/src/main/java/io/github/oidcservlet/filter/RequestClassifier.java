package io.github.oidcservlet.filter;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * Tells API calls (which get 401) from browser navigations (which are sent to log in), as DESIGN.md defines:
 * a path under {@code api-paths}, {@code Accept} with JSON but not HTML, {@code X-Requested-With}, or a
 * {@code Sec-Fetch-Mode} other than {@code navigate}.
 */
final class RequestClassifier {

    private final PathPatterns apiPaths;

    RequestClassifier(PathPatterns apiPaths) {
        this.apiPaths = apiPaths;
    }

    boolean isApiRequest(HttpServletRequest request, String path) {
        if (apiPaths.matches(path)) {
            return true;
        }
        if (request.getHeader("X-Requested-With") != null) {
            return true;
        }
        String fetchMode = request.getHeader("Sec-Fetch-Mode");
        if (fetchMode != null && !fetchMode.equalsIgnoreCase("navigate")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            return lower.contains("json") && !lower.contains("text/html");
        }
        return false;
    }

    /** Whether an error should be answered as JSON rather than an HTML page. */
    boolean wantsJson(HttpServletRequest request, String path) {
        return isApiRequest(request, path);
    }
}
