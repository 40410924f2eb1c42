package io.github.oidcservlet.benchmarks.servlet;

/**
 * Every method of {@code HttpSession} throws: benchmarks override only what the code under test may call,
 * so an unexpected call fails loudly instead of skewing a measurement. Generated from the Servlet 6.0 API.
 */
public class UnsupportedSession implements jakarta.servlet.http.HttpSession {

    protected static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(method + " is not used by the benchmarked path");
    }

    @Override
    public long getCreationTime() {
        throw unsupported("getCreationTime");
    }

    @Override
    public String getId() {
        throw unsupported("getId");
    }

    @Override
    public long getLastAccessedTime() {
        throw unsupported("getLastAccessedTime");
    }

    @Override
    public jakarta.servlet.ServletContext getServletContext() {
        throw unsupported("getServletContext");
    }

    @Override
    public void setMaxInactiveInterval(int a0) {
        throw unsupported("setMaxInactiveInterval");
    }

    @Override
    public int getMaxInactiveInterval() {
        throw unsupported("getMaxInactiveInterval");
    }

    @Override
    public Object getAttribute(String a0) {
        throw unsupported("getAttribute");
    }

    @Override
    public java.util.Enumeration<String> getAttributeNames() {
        throw unsupported("getAttributeNames");
    }

    @Override
    public void setAttribute(String a0, Object a1) {
        throw unsupported("setAttribute");
    }

    @Override
    public void removeAttribute(String a0) {
        throw unsupported("removeAttribute");
    }

    @Override
    public void invalidate() {
        throw unsupported("invalidate");
    }

    @Override
    public boolean isNew() {
        throw unsupported("isNew");
    }
}
