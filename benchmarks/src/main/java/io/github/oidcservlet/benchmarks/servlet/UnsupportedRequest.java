package io.github.oidcservlet.benchmarks.servlet;

/**
 * Every method of {@code HttpServletRequest} throws: benchmarks override only what the code under test may call,
 * so an unexpected call fails loudly instead of skewing a measurement. Generated from the Servlet 6.0 API.
 */
public class UnsupportedRequest implements jakarta.servlet.http.HttpServletRequest {

    protected static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(method + " is not used by the benchmarked path");
    }

    @Override
    public String getAuthType() {
        throw unsupported("getAuthType");
    }

    @Override
    public jakarta.servlet.http.Cookie[] getCookies() {
        throw unsupported("getCookies");
    }

    @Override
    public long getDateHeader(String a0) {
        throw unsupported("getDateHeader");
    }

    @Override
    public String getHeader(String a0) {
        throw unsupported("getHeader");
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String a0) {
        throw unsupported("getHeaders");
    }

    @Override
    public java.util.Enumeration<String> getHeaderNames() {
        throw unsupported("getHeaderNames");
    }

    @Override
    public int getIntHeader(String a0) {
        throw unsupported("getIntHeader");
    }

    @Override
    public String getMethod() {
        throw unsupported("getMethod");
    }

    @Override
    public String getPathInfo() {
        throw unsupported("getPathInfo");
    }

    @Override
    public String getPathTranslated() {
        throw unsupported("getPathTranslated");
    }

    @Override
    public String getContextPath() {
        throw unsupported("getContextPath");
    }

    @Override
    public String getQueryString() {
        throw unsupported("getQueryString");
    }

    @Override
    public String getRemoteUser() {
        throw unsupported("getRemoteUser");
    }

    @Override
    public boolean isUserInRole(String a0) {
        throw unsupported("isUserInRole");
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        throw unsupported("getUserPrincipal");
    }

    @Override
    public String getRequestedSessionId() {
        throw unsupported("getRequestedSessionId");
    }

    @Override
    public String getRequestURI() {
        throw unsupported("getRequestURI");
    }

    @Override
    public StringBuffer getRequestURL() {
        throw unsupported("getRequestURL");
    }

    @Override
    public String getServletPath() {
        throw unsupported("getServletPath");
    }

    @Override
    public jakarta.servlet.http.HttpSession getSession(boolean a0) {
        throw unsupported("getSession");
    }

    @Override
    public jakarta.servlet.http.HttpSession getSession() {
        throw unsupported("getSession");
    }

    @Override
    public String changeSessionId() {
        throw unsupported("changeSessionId");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        throw unsupported("isRequestedSessionIdValid");
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        throw unsupported("isRequestedSessionIdFromCookie");
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        throw unsupported("isRequestedSessionIdFromURL");
    }

    @Override
    public boolean authenticate(jakarta.servlet.http.HttpServletResponse a0) throws java.io.IOException, jakarta.servlet.ServletException {
        throw unsupported("authenticate");
    }

    @Override
    public void login(String a0, String a1) throws jakarta.servlet.ServletException {
        throw unsupported("login");
    }

    @Override
    public void logout() throws jakarta.servlet.ServletException {
        throw unsupported("logout");
    }

    @Override
    public java.util.Collection<jakarta.servlet.http.Part> getParts() throws java.io.IOException, jakarta.servlet.ServletException {
        throw unsupported("getParts");
    }

    @Override
    public jakarta.servlet.http.Part getPart(String a0) throws java.io.IOException, jakarta.servlet.ServletException {
        throw unsupported("getPart");
    }

    @Override
    public <T extends jakarta.servlet.http.HttpUpgradeHandler> T upgrade(Class<T> a0) throws java.io.IOException, jakarta.servlet.ServletException {
        throw unsupported("upgrade");
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
    public String getCharacterEncoding() {
        throw unsupported("getCharacterEncoding");
    }

    @Override
    public void setCharacterEncoding(String a0) throws java.io.UnsupportedEncodingException {
        throw unsupported("setCharacterEncoding");
    }

    @Override
    public int getContentLength() {
        throw unsupported("getContentLength");
    }

    @Override
    public long getContentLengthLong() {
        throw unsupported("getContentLengthLong");
    }

    @Override
    public String getContentType() {
        throw unsupported("getContentType");
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() throws java.io.IOException {
        throw unsupported("getInputStream");
    }

    @Override
    public String getParameter(String a0) {
        throw unsupported("getParameter");
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
        throw unsupported("getParameterNames");
    }

    @Override
    public String[] getParameterValues(String a0) {
        throw unsupported("getParameterValues");
    }

    @Override
    public java.util.Map<String, String[]> getParameterMap() {
        throw unsupported("getParameterMap");
    }

    @Override
    public String getProtocol() {
        throw unsupported("getProtocol");
    }

    @Override
    public String getScheme() {
        throw unsupported("getScheme");
    }

    @Override
    public String getServerName() {
        throw unsupported("getServerName");
    }

    @Override
    public int getServerPort() {
        throw unsupported("getServerPort");
    }

    @Override
    public java.io.BufferedReader getReader() throws java.io.IOException {
        throw unsupported("getReader");
    }

    @Override
    public String getRemoteAddr() {
        throw unsupported("getRemoteAddr");
    }

    @Override
    public String getRemoteHost() {
        throw unsupported("getRemoteHost");
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
    public java.util.Locale getLocale() {
        throw unsupported("getLocale");
    }

    @Override
    public java.util.Enumeration<java.util.Locale> getLocales() {
        throw unsupported("getLocales");
    }

    @Override
    public boolean isSecure() {
        throw unsupported("isSecure");
    }

    @Override
    public jakarta.servlet.RequestDispatcher getRequestDispatcher(String a0) {
        throw unsupported("getRequestDispatcher");
    }

    @Override
    public int getRemotePort() {
        throw unsupported("getRemotePort");
    }

    @Override
    public String getLocalName() {
        throw unsupported("getLocalName");
    }

    @Override
    public String getLocalAddr() {
        throw unsupported("getLocalAddr");
    }

    @Override
    public int getLocalPort() {
        throw unsupported("getLocalPort");
    }

    @Override
    public jakarta.servlet.ServletContext getServletContext() {
        throw unsupported("getServletContext");
    }

    @Override
    public jakarta.servlet.AsyncContext startAsync() throws java.lang.IllegalStateException {
        throw unsupported("startAsync");
    }

    @Override
    public jakarta.servlet.AsyncContext startAsync(jakarta.servlet.ServletRequest a0, jakarta.servlet.ServletResponse a1) throws java.lang.IllegalStateException {
        throw unsupported("startAsync");
    }

    @Override
    public boolean isAsyncStarted() {
        throw unsupported("isAsyncStarted");
    }

    @Override
    public boolean isAsyncSupported() {
        throw unsupported("isAsyncSupported");
    }

    @Override
    public jakarta.servlet.AsyncContext getAsyncContext() {
        throw unsupported("getAsyncContext");
    }

    @Override
    public jakarta.servlet.DispatcherType getDispatcherType() {
        throw unsupported("getDispatcherType");
    }

    @Override
    public String getRequestId() {
        throw unsupported("getRequestId");
    }

    @Override
    public String getProtocolRequestId() {
        throw unsupported("getProtocolRequestId");
    }

    @Override
    public jakarta.servlet.ServletConnection getServletConnection() {
        throw unsupported("getServletConnection");
    }
}
