package io.github.oidcservlet.benchmarks.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/** A GET to one path of the application root context, with or without a session. */
public final class BenchRequest extends HttpServletRequestWrapper {

    private final String servletPath;
    private final String pathInfo;
    private final HttpSession session;

    public BenchRequest(String servletPath, String pathInfo, HttpSession session) {
        super(Unsupported.of(HttpServletRequest.class));
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.session = session;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public HttpSession getSession(boolean create) {
        return session;
    }

    @Override
    public HttpSession getSession() {
        return session;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getMethod() {
        return "GET";
    }
}
