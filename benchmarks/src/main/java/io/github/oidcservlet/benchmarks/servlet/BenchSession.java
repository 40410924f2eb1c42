package io.github.oidcservlet.benchmarks.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;

import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.ConcurrentHashMap;

/** Session attributes in a concurrent map, as servlet containers keep them; the rest is not benchmarked. */
public final class BenchSession implements HttpSession {

    private final ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public String getId() {
        return "bench-session";
    }

    @Override
    public long getCreationTime() {
        return 0;
    }

    @Override
    public long getLastAccessedTime() {
        return 0;
    }

    @Override
    public ServletContext getServletContext() {
        throw new UnsupportedOperationException("getServletContext is not used by the benchmarked path");
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        throw new UnsupportedOperationException("setMaxInactiveInterval is not used by the benchmarked path");
    }

    @Override
    public int getMaxInactiveInterval() {
        return 1800;
    }

    @Override
    public void invalidate() {
        throw new UnsupportedOperationException("invalidate is not used by the benchmarked path");
    }

    @Override
    public boolean isNew() {
        return false;
    }
}
