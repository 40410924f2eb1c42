package io.github.oidcservlet.core.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The port a front door implements: how the web layer reads its container's request, keeps attributes in the
 * container's HTTP session and writes the response. Stateless: one instance serves every request, which it gets
 * passed with each call, so that the authenticated hot path allocates nothing here. A servlet binding is a few
 * dozen lines of delegation.
 *
 * <p>Session methods may throw {@link IllegalStateException} when the session was invalidated concurrently, as the
 * servlet API does; the web layer handles it.
 *
 * @param <Q> the container's request type
 * @param <R> the container's response type
 */
public interface HttpBinding<Q, R> {

    /**
     * @param request the request
     * @return the HTTP method, upper case
     */
    String method(Q request);

    /**
     * @param request the request
     * @return the servlet path, decoded and normalized by the container; may be empty or null
     */
    String servletPath(Q request);

    /**
     * @param request the request
     * @return the path info after the servlet path, decoded, or null
     */
    String pathInfo(Q request);

    /**
     * @param request the request
     * @return the context path as the container sees it ({@code ""} for the root application)
     */
    String contextPath(Q request);

    /**
     * @param request the request
     * @return the request URI as sent (still encoded, with the context path, without the query)
     */
    String requestUri(Q request);

    /**
     * @param request the request
     * @return the query string as sent, or null
     */
    String queryString(Q request);

    /**
     * @param request the request
     * @return {@code http} or {@code https}, as the container (and its proxy settings) report it
     */
    String scheme(Q request);

    /**
     * @param request the request
     * @return the host the request was sent to, without brackets around an IPv6 address or with them
     */
    String serverName(Q request);

    /**
     * @param request the request
     * @return the port the request was sent to
     */
    int serverPort(Q request);

    /**
     * @param request the request
     * @param name a header name
     * @return the first value of the header, or null
     */
    String header(Q request, String name);

    /**
     * The query and form parameters.
     *
     * @param request the request
     * @return every parameter with its values
     * @throws IllegalArgumentException when the container refuses to parse them (bad percent-encoding, too many):
     *         the web layer answers 400
     */
    Map<String, List<String>> parameters(Q request);

    /**
     * The HTTP session, as an object to synchronize on: containers hand concurrent requests of one session the
     * same object.
     *
     * @param request the request
     * @param create whether to create the session when there is none
     * @return the session, or null when there is none and {@code create} is false
     */
    Object session(Q request, boolean create);

    /**
     * @param request the request
     * @param name an attribute name
     * @return the session attribute, or null (also when there is no session: never creates one)
     */
    Object sessionAttribute(Q request, String name);

    /**
     * Sets a session attribute, creating the session when there is none.
     *
     * @param request the request
     * @param name an attribute name
     * @param value its value
     */
    void setSessionAttribute(Q request, String name, Object value);

    /**
     * Removes a session attribute; does nothing without a session.
     *
     * @param request the request
     * @param name an attribute name
     */
    void removeSessionAttribute(Q request, String name);

    /**
     * @param request the request
     * @return the names of the session's attributes, empty without a session
     */
    List<String> sessionAttributeNames(Q request);

    /**
     * Gives the existing session a new id, keeping its attributes.
     *
     * @param request the request
     */
    void changeSessionId(Q request);

    /**
     * Ends the session; does nothing without one. The next {@link #setSessionAttribute} creates a new one.
     *
     * @param request the request
     */
    void invalidateSession(Q request);

    /**
     * @param request the request
     * @return the name of the container's session cookie ({@code JSESSIONID} unless the application renamed it)
     */
    default String sessionCookieName(Q request) {
        return "JSESSIONID";
    }

    /**
     * @param response the response
     * @param status the status code to send
     */
    void status(R response, int status);

    /**
     * Sets a header, replacing any value it had.
     *
     * @param response the response
     * @param name the header name
     * @param value its value
     */
    void header(R response, String name, String value);

    /**
     * Every value a response header has so far, in order (the container's {@code Set-Cookie} of a session it just
     * created or renamed among them). A binding that cannot read them returns an empty list.
     *
     * @param response the response
     * @param name the header name
     * @return its values, possibly empty
     */
    default List<String> responseHeaders(R response, String name) {
        return List.of();
    }

    /**
     * Replaces every value of a response header, in this order.
     *
     * @param response the response
     * @param name the header name
     * @param values its new values, at least one
     */
    default void replaceResponseHeaders(R response, String name, List<String> values) {
        throw new UnsupportedOperationException("this binding reads no response headers");
    }

    /**
     * Writes the body, UTF-8.
     *
     * @param response the response
     * @param contentType the media type without charset ({@code text/html}, {@code application/json})
     * @param text the body
     * @throws IOException when the client went away
     */
    void body(R response, String contentType, String text) throws IOException;

    /**
     * @param response the response
     * @return whether status and headers were already sent
     */
    boolean isCommitted(R response);

    /**
     * Drops any body written so far (status and headers stay).
     *
     * @param response the response
     */
    void resetBuffer(R response);

    /**
     * Sends status, headers and body now: the answer decided here is final, and no container writes its own
     * on top (Open Liberty does after a Jakarta Security mechanism's {@code SEND_CONTINUE}).
     *
     * @param response the response
     * @throws IOException when the client went away
     */
    void commit(R response) throws IOException;
}
