package io.github.oidcservlet.benchmarks.servlet;

/**
 * Every method of {@code HttpServletResponse} throws: benchmarks override only what the code under test may call,
 * so an unexpected call fails loudly instead of skewing a measurement. Generated from the Servlet 6.0 API.
 */
public class UnsupportedResponse implements jakarta.servlet.http.HttpServletResponse {

    protected static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(method + " is not used by the benchmarked path");
    }

    @Override
    public void addCookie(jakarta.servlet.http.Cookie a0) {
        throw unsupported("addCookie");
    }

    @Override
    public boolean containsHeader(String a0) {
        throw unsupported("containsHeader");
    }

    @Override
    public String encodeURL(String a0) {
        throw unsupported("encodeURL");
    }

    @Override
    public String encodeRedirectURL(String a0) {
        throw unsupported("encodeRedirectURL");
    }

    @Override
    public void sendError(int a0, String a1) throws java.io.IOException {
        throw unsupported("sendError");
    }

    @Override
    public void sendError(int a0) throws java.io.IOException {
        throw unsupported("sendError");
    }

    @Override
    public void sendRedirect(String a0) throws java.io.IOException {
        throw unsupported("sendRedirect");
    }

    @Override
    public void setDateHeader(String a0, long a1) {
        throw unsupported("setDateHeader");
    }

    @Override
    public void addDateHeader(String a0, long a1) {
        throw unsupported("addDateHeader");
    }

    @Override
    public void setHeader(String a0, String a1) {
        throw unsupported("setHeader");
    }

    @Override
    public void addHeader(String a0, String a1) {
        throw unsupported("addHeader");
    }

    @Override
    public void setIntHeader(String a0, int a1) {
        throw unsupported("setIntHeader");
    }

    @Override
    public void addIntHeader(String a0, int a1) {
        throw unsupported("addIntHeader");
    }

    @Override
    public void setStatus(int a0) {
        throw unsupported("setStatus");
    }

    @Override
    public int getStatus() {
        throw unsupported("getStatus");
    }

    @Override
    public String getHeader(String a0) {
        throw unsupported("getHeader");
    }

    @Override
    public java.util.Collection<String> getHeaders(String a0) {
        throw unsupported("getHeaders");
    }

    @Override
    public java.util.Collection<String> getHeaderNames() {
        throw unsupported("getHeaderNames");
    }

    @Override
    public String getCharacterEncoding() {
        throw unsupported("getCharacterEncoding");
    }

    @Override
    public String getContentType() {
        throw unsupported("getContentType");
    }

    @Override
    public jakarta.servlet.ServletOutputStream getOutputStream() throws java.io.IOException {
        throw unsupported("getOutputStream");
    }

    @Override
    public java.io.PrintWriter getWriter() throws java.io.IOException {
        throw unsupported("getWriter");
    }

    @Override
    public void setCharacterEncoding(String a0) {
        throw unsupported("setCharacterEncoding");
    }

    @Override
    public void setContentLength(int a0) {
        throw unsupported("setContentLength");
    }

    @Override
    public void setContentLengthLong(long a0) {
        throw unsupported("setContentLengthLong");
    }

    @Override
    public void setContentType(String a0) {
        throw unsupported("setContentType");
    }

    @Override
    public void setBufferSize(int a0) {
        throw unsupported("setBufferSize");
    }

    @Override
    public int getBufferSize() {
        throw unsupported("getBufferSize");
    }

    @Override
    public void flushBuffer() throws java.io.IOException {
        throw unsupported("flushBuffer");
    }

    @Override
    public void resetBuffer() {
        throw unsupported("resetBuffer");
    }

    @Override
    public boolean isCommitted() {
        throw unsupported("isCommitted");
    }

    @Override
    public void reset() {
        throw unsupported("reset");
    }

    @Override
    public void setLocale(java.util.Locale a0) {
        throw unsupported("setLocale");
    }

    @Override
    public java.util.Locale getLocale() {
        throw unsupported("getLocale");
    }
}
