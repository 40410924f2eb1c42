package io.github.oidcservlet.filter;

import io.github.oidcservlet.filter.internal.JakartaServletBinding;
import io.github.oidcservlet.core.internal.web.SessionStore;
import io.github.oidcservlet.core.OidcPrincipal;
import io.github.oidcservlet.testkit.TestProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** A web application on embedded Jetty 12 protected by {@link OidcFilter}, for integration tests. */
final class TestApp implements AutoCloseable {

    static final String CONTEXT = "/app";

    private final Server server;
    private final String base;

    private TestApp(Server server, String base) {
        this.server = server;
        this.base = base;
    }

    /** The default parameters for a {@link TestProvider}'s default client. */
    static Map<String, String> paramsFor(TestProvider provider) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("issuer", provider.issuer());
        params.put("client-id", TestProvider.DEFAULT_CLIENT_ID);
        params.put("client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
        params.put("public-paths", "/,/public/*");
        return params;
    }

    static TestApp start(Map<String, String> initParams) {
        return start(initParams, new FilterHolder(OidcFilter.class));
    }

    /** An app whose filter reads time from {@code clock}, so a test moves time instead of waiting for it. */
    static TestApp start(Map<String, String> initParams, Clock clock) {
        return start(initParams, new FilterHolder(new OidcFilter(clock)));
    }

    private static TestApp start(Map<String, String> initParams, FilterHolder filter) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(CONTEXT);
        filter.setInitParameters(initParams);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new EchoServlet()), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new TestApp(server, "http://127.0.0.1:" + connector.getLocalPort() + CONTEXT);
    }

    /** An absolute URL of this app. */
    String url(String path) {
        return base + path;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Echoes who the request belongs to, and what the application keeps in the HTTP session: {@code ?owner=x}
     * stores {@code owner=x} there, as an application caches a user's data.
     */
    static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=UTF-8");
            StringBuilder body = new StringBuilder();
            body.append("path=").append(request.getRequestURI()).append('\n');
            body.append("user=").append(request.getRemoteUser()).append('\n');
            body.append("authType=").append(request.getAuthType()).append('\n');
            body.append("admin=").append(request.isUserInRole("admin")).append('\n');
            if (request.getUserPrincipal() instanceof OidcPrincipal principal) {
                body.append("roles=").append(principal.getRoles()).append('\n');
                body.append("email=").append(principal.getClaims().get("email")).append('\n');
                body.append("sub=").append(principal.getSubject()).append('\n');
                body.append("issuer=").append(principal.issuer()).append('\n');
            }
            if (request.getParameter("owner") != null) {
                request.getSession(true).setAttribute("owner", request.getParameter("owner"));
            }
            jakarta.servlet.http.HttpSession httpSession = request.getSession(false);
            body.append("owner=").append(httpSession == null ? null : httpSession.getAttribute("owner")).append('\n');
            io.github.oidcservlet.core.OidcLogin session =
                    new SessionStore<>(JakartaServletBinding.INSTANCE).find(request);
            if (session != null) {
                // What the session holds, never the tokens themselves.
                body.append("expiresAtMillis=").append(session.expiresAtMillis()).append('\n');
                body.append("refreshToken=").append(session.refreshToken() == null ? "none" : "present").append('\n');
                body.append("idToken=").append(session.idToken() == null ? "none" : "present").append('\n');
            }
            response.getWriter().write(body.toString());
        }
    }
}
