package io.github.oidcservlet.core.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web layer's port in memory: a request with headers, parameters and a session, and a response that records
 * what was written and whether it was committed. A test double of {@link HttpBinding}, the one seam where a fake is
 * the right tool.
 */
public final class InMemoryHttp implements HttpBinding<InMemoryHttp.Request, InMemoryHttp.Response> {

    public static final InMemoryHttp HTTP = new InMemoryHttp();

    /** One HTTP session: its id and attributes; invalid once invalidated. */
    public static final class Session {
        public final Map<String, Object> attributes = new LinkedHashMap<>();
        public String id;
        public boolean invalid;

        Session(String id) {
            this.id = id;
        }

        public Map<String, Object> attributes() {
            if (invalid) {
                throw new IllegalStateException("invalidated");
            }
            return attributes;
        }
    }

    /** A request; every field may be set by a test. */
    public static final class Request {
        public String method = "GET";
        public String servletPath = "/";
        public String pathInfo;
        public String contextPath = "";
        public String query;
        public String scheme = "http";
        public String host = "app.example";
        public int port = 80;
        public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        public final Map<String, List<String>> parameters = new LinkedHashMap<>();
        public boolean refuseParameters;
        public Session session;
        public int sessionsCreated;

        public Request(String path) {
            servletPath = path;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request parameter(String name, String value) {
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        public Session session(boolean create) {
            if ((session == null || session.invalid) && create) {
                session = new Session("s" + ++sessionsCreated);
            }
            return session == null || session.invalid ? null : session;
        }
    }

    /** What was answered. */
    public static final class Response {
        public int status = 200;
        public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        /** The Set-Cookie headers, as a container writes them when it creates or renames a session. */
        public final List<String> setCookies = new ArrayList<>();
        public String contentType;
        public final StringBuilder body = new StringBuilder();
        public boolean committed;
    }

    @Override public String method(Request request) { return request.method; }
    @Override public String servletPath(Request request) { return request.servletPath; }
    @Override public String pathInfo(Request request) { return request.pathInfo; }
    @Override public String contextPath(Request request) { return request.contextPath; }

    @Override
    public String requestUri(Request request) {
        return request.contextPath + request.servletPath + (request.pathInfo == null ? "" : request.pathInfo);
    }

    @Override public String queryString(Request request) { return request.query; }
    @Override public String scheme(Request request) { return request.scheme; }
    @Override public String serverName(Request request) { return request.host; }
    @Override public int serverPort(Request request) { return request.port; }
    @Override public String header(Request request, String name) { return request.headers.get(name); }

    @Override
    public Map<String, List<String>> parameters(Request request) {
        if (request.refuseParameters) {
            // what Open Liberty's getParameterMap() does on bad percent-encoding
            throw new IllegalArgumentException("bad percent-encoding");
        }
        return request.parameters;
    }

    @Override public Object session(Request request, boolean create) { return request.session(create); }

    @Override
    public Object sessionAttribute(Request request, String name) {
        Session session = request.session(false);
        return session == null ? null : session.attributes().get(name);
    }

    @Override
    public void setSessionAttribute(Request request, String name, Object value) {
        request.session(true).attributes().put(name, value);
    }

    @Override
    public void removeSessionAttribute(Request request, String name) {
        Session session = request.session(false);
        if (session != null) {
            session.attributes().remove(name);
        }
    }

    @Override
    public List<String> sessionAttributeNames(Request request) {
        Session session = request.session(false);
        return session == null ? List.of() : List.copyOf(session.attributes().keySet());
    }

    @Override
    public void changeSessionId(Request request) {
        Session session = request.session(false);
        session.id = session.id + "'";
    }

    @Override
    public void invalidateSession(Request request) {
        Session session = request.session(false);
        if (session != null) {
            session.invalid = true;
        }
    }

    @Override public void status(Response response, int status) { response.status = status; }
    @Override public void header(Response response, String name, String value) { response.headers.put(name, value); }

    @Override
    public void body(Response response, String contentType, String text) throws IOException {
        response.contentType = contentType;
        response.body.append(text);
    }

    @Override
    public List<String> responseHeaders(Response response, String name) {
        if ("Set-Cookie".equalsIgnoreCase(name)) {
            return List.copyOf(response.setCookies);
        }
        String value = response.headers.get(name);
        return value == null ? List.of() : List.of(value);
    }

    @Override
    public void replaceResponseHeaders(Response response, String name, List<String> values) {
        if (!"Set-Cookie".equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("only Set-Cookie has several values here");
        }
        response.setCookies.clear();
        response.setCookies.addAll(values);
    }

    @Override public boolean isCommitted(Response response) { return response.committed; }
    @Override public void resetBuffer(Response response) { response.body.setLength(0); }
    @Override public void commit(Response response) { response.committed = true; }
}
