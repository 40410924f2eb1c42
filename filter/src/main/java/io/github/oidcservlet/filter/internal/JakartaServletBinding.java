package io.github.oidcservlet.filter.internal;

import io.github.oidcservlet.core.web.HttpBinding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web layer's port for {@code jakarta.servlet}: plain delegation to the container's request, session and
 * response. Stateless; the filter and the Jakarta Security mechanism share {@link #INSTANCE}.
 */
public final class JakartaServletBinding implements HttpBinding<HttpServletRequest, HttpServletResponse> {

    /** The one instance. */
    public static final JakartaServletBinding INSTANCE = new JakartaServletBinding();

    private JakartaServletBinding() {
    }

    @Override public String method(HttpServletRequest request) { return request.getMethod(); }
    @Override public String servletPath(HttpServletRequest request) { return request.getServletPath(); }
    @Override public String pathInfo(HttpServletRequest request) { return request.getPathInfo(); }
    @Override public String contextPath(HttpServletRequest request) { return request.getContextPath(); }
    @Override public String requestUri(HttpServletRequest request) { return request.getRequestURI(); }
    @Override public String queryString(HttpServletRequest request) { return request.getQueryString(); }
    @Override public String scheme(HttpServletRequest request) { return request.getScheme(); }
    @Override public String serverName(HttpServletRequest request) { return request.getServerName(); }
    @Override public int serverPort(HttpServletRequest request) { return request.getServerPort(); }
    @Override public String header(HttpServletRequest request, String name) { return request.getHeader(name); }

    @Override
    public Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, String[]> parsed;
        try {
            parsed = request.getParameterMap();
        } catch (RuntimeException refused) {
            // Open Liberty throws IllegalArgumentException on bad percent-encoding, Jetty its BadMessageException
            throw new IllegalArgumentException("the container refused to parse the parameters", refused);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        parsed.forEach((name, values) -> params.put(name, Arrays.asList(values)));
        return params;
    }

    @Override
    public Object session(HttpServletRequest request, boolean create) {
        return request.getSession(create);
    }

    @Override
    public Object sessionAttribute(HttpServletRequest request, String name) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getAttribute(name);
    }

    @Override
    public void setSessionAttribute(HttpServletRequest request, String name, Object value) {
        request.getSession(true).setAttribute(name, value);
    }

    @Override
    public void removeSessionAttribute(HttpServletRequest request, String name) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(name);
        }
    }

    @Override
    public List<String> sessionAttributeNames(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? List.of() : Collections.list(session.getAttributeNames());
    }

    @Override public void changeSessionId(HttpServletRequest request) { request.changeSessionId(); }

    @Override
    public void invalidateSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    @Override
    public String sessionCookieName(HttpServletRequest request) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        return name == null || name.isEmpty() ? "JSESSIONID" : name;
    }

    @Override public void status(HttpServletResponse response, int status) { response.setStatus(status); }
    @Override public void header(HttpServletResponse response, String name, String value) { response.setHeader(name, value); }

    @Override
    public List<String> responseHeaders(HttpServletResponse response, String name) {
        return List.copyOf(response.getHeaders(name));
    }

    @Override
    public void replaceResponseHeaders(HttpServletResponse response, String name, List<String> values) {
        response.setHeader(name, values.get(0));
        for (String value : values.subList(1, values.size())) {
            response.addHeader(name, value);
        }
    }

    @Override
    public void body(HttpServletResponse response, String contentType, String text) throws IOException {
        response.setCharacterEncoding("UTF-8");
        response.setContentType(contentType);
        response.getWriter().write(text);
    }

    @Override public boolean isCommitted(HttpServletResponse response) { return response.isCommitted(); }
    @Override public void resetBuffer(HttpServletResponse response) { response.resetBuffer(); }
    @Override public void commit(HttpServletResponse response) throws IOException { response.flushBuffer(); }
}
