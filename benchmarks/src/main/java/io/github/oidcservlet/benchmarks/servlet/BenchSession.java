package io.github.oidcservlet.benchmarks.servlet;

import java.util.concurrent.ConcurrentHashMap;

/** Session attributes in a concurrent map, as servlet containers keep them. */
public final class BenchSession extends UnsupportedSession {

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
    public String getId() {
        return "bench-session";
    }
}
