package io.github.oidcservlet.filter;

import io.github.oidcservlet.core.config.OidcConfig;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/** This application's own URLs: its external base, the callback, the return URL of a request. */
final class AppUrls {

    private final OidcConfig config;
    private final String configuredBase;

    AppUrls(OidcConfig config) {
        this.config = config;
        this.configuredBase = config.baseUrl().map(AppUrls::withoutTrailingSlash).orElse(null);
    }

    /**
     * The external URL of the application root (without trailing slash): {@code base-url} when set (it includes
     * any context path as the outside world sees it), else taken from the request.
     */
    String base(HttpServletRequest request) {
        if (configuredBase != null) {
            return configuredBase;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    /** The redirect_uri registered at the provider. */
    String redirectUri(HttpServletRequest request) {
        return base(request) + config.redirectPath();
    }

    /** Where the browser goes after logout: {@code post-logout-redirect-uri} or the application root. */
    String postLogoutRedirectUri(HttpServletRequest request) {
        String configured = config.postLogoutRedirectUri().orElse(null);
        if (configured == null) {
            return base(request) + "/";
        }
        return configured.startsWith("/") ? base(request) + configured : configured;
    }

    /** The path inside the application, decoded and normalized by the container. */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** The request's own same-origin URL (path and query) to come back to after login. */
    static String requestedUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** The application root as a same-origin path, the fallback for unsafe return URLs. */
    static String root(HttpServletRequest request) {
        return request.getContextPath() + "/";
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
