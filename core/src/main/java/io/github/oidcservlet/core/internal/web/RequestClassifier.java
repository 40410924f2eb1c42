package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.HttpBinding;
import java.util.Locale;

/**
 * Tells API calls (which get 401 and JSON errors) from browser navigations (which are sent to log in and get HTML
 * error pages): a path under {@code api-paths}, {@code Accept} with JSON but not HTML, {@code X-Requested-With},
 * or a {@code Sec-Fetch-Mode} other than {@code navigate}.
 *
 * @param <Q> the container's request type
 */
public final class RequestClassifier<Q> {

    private final HttpBinding<Q, ?> http;
    private final PathPatterns apiPaths;

    public RequestClassifier(HttpBinding<Q, ?> http, PathPatterns apiPaths) {
        this.http = http;
        this.apiPaths = apiPaths;
    }

    /** Whether the request is an API call; {@code path} is the path inside the application. */
    public boolean isApiRequest(Q request, String path) {
        if (apiPaths.matches(path)) {
            return true;
        }
        if (http.header(request, "X-Requested-With") != null) {
            return true;
        }
        String fetchMode = http.header(request, "Sec-Fetch-Mode");
        if (fetchMode != null && !fetchMode.equalsIgnoreCase("navigate")) {
            return true;
        }
        String accept = http.header(request, "Accept");
        if (accept != null) {
            String lower = accept.toLowerCase(Locale.ROOT);
            return lower.contains("json") && !lower.contains("text/html");
        }
        return false;
    }
}
