package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.HttpBinding;
import io.github.oidcservlet.core.OidcConfig;

import java.net.URI;

/**
 * This application's own URLs: its external base, the callback, the post-logout URI, the return URL of a request.
 *
 * @param <Q> the container's request type
 */
public final class AppUrls<Q> {

    private final HttpBinding<Q, ?> http;
    private final OidcConfig config;
    private final String configuredBase;

    public AppUrls(HttpBinding<Q, ?> http, OidcConfig config) {
        this.http = http;
        this.config = config;
        this.configuredBase = config.baseUrl().map(AppUrls::withoutTrailingSlash).orElse(null);
    }

    /**
     * The external URL of the application root (without trailing slash): {@code base-url} when set (it includes
     * any context path as the outside world sees it), else taken from the request.
     */
    public String base(Q request) {
        if (configuredBase != null) {
            return configuredBase;
        }
        String scheme = http.scheme(request);
        int port = http.serverPort(request);
        boolean defaultPort = port <= 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = http.serverName(request);
        // RFC 3986 §3.2.2: an IPv6 literal in a URI is enclosed in brackets
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + http.contextPath(request);
    }

    /** The redirect_uri registered at the provider. */
    public String redirectUri(Q request) {
        return redirectUri(request, config);
    }

    /** The redirect_uri of a registration: each has its own (RFC 9700 §4.4.2). */
    public String redirectUri(Q request, OidcConfig registration) {
        return base(request) + registration.redirectPath();
    }

    /** Where the browser goes after logout: {@code post-logout-redirect-uri} or the application root. */
    public String postLogoutRedirectUri(Q request) {
        String configured = config.postLogoutRedirectUri().orElse(null);
        if (configured == null) {
            return base(request) + "/";
        }
        return configured.startsWith("/") ? base(request) + configured : configured;
    }

    /** The path inside the application, decoded and normalized by the container. */
    public String path(Q request) {
        String servletPath = http.servletPath(request);
        String pathInfo = http.pathInfo(request);
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** The request's own same-origin URL (path and query) to come back to after login. */
    public String requestedUrl(Q request) {
        String query = http.queryString(request);
        return http.requestUri(request) + (query == null ? "" : "?" + query);
    }

    /** The application root as a same-origin path, the fallback for unsafe return URLs. */
    public String root(Q request) {
        return http.contextPath(request) + "/";
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
