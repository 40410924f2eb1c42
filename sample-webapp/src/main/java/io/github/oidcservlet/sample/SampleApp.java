package io.github.oidcservlet.sample;

import io.github.oidcservlet.filter.OidcFilter;
import io.github.oidcservlet.sample.web.AdminServlet;
import io.github.oidcservlet.sample.web.ErrorServlet;
import io.github.oidcservlet.sample.web.HomeServlet;
import io.github.oidcservlet.sample.web.MeServlet;
import io.github.oidcservlet.sample.web.PingServlet;
import io.github.oidcservlet.sample.web.ProfileServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The sample web application on embedded Jetty, at {@code http://127.0.0.1:$PORT/} (default 8080).
 *
 * <p>With neither an issuer nor an authorization endpoint configured ({@code OIDC_ISSUER},
 * {@code OIDC_AUTHORIZATION_ENDPOINT}, {@code oidc.issuer}, {@code oidc.authorization-endpoint}) it starts a
 * {@link DemoProvider} and points the filter at it; otherwise the filter takes its whole configuration from the
 * environment and system properties.
 *
 * <p>{@code main} is the command line; tests use {@link #start(int)} and {@link #close()}.
 */
public final class SampleApp implements AutoCloseable {

    static final int DEFAULT_PORT = LaunchSettings.DEFAULT_PORT;
    static final String HOST = "127.0.0.1";

    private final Server server;
    private final URI baseUri;
    private final DemoProvider demoProvider;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SampleApp(Server server, URI baseUri, DemoProvider demoProvider) {
        this.server = server;
        this.baseUri = baseUri;
        this.demoProvider = demoProvider;
    }

    public static void main(String[] args) {
        SampleApp app;
        try {
            app = start(port(System.getenv()));
        } catch (Exception e) {
            System.err.println("oidc-servlet sample did not start: " + messages(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            System.out.println("oidc-servlet sample stopped.");
        }, "oidc-servlet-sample-shutdown"));
        System.out.println(app.instructions());
        app.join();
    }

    /**
     * Starts the application on 127.0.0.1 and {@code port} (0 for any free port), with the demo provider when the
     * environment and system properties configure no provider. Returns once {@code GET /} answers.
     */
    public static SampleApp start(int port) throws Exception {
        return start(port, System.getenv(), System.getProperties());
    }

    /**
     * As {@link #start(int)}, the demo provider decided by {@code environment} and {@code systemProperties}
     * ({@link LaunchSettings#startDemoProvider}): with {@code OIDC_PROVIDERS} it serves every named registration
     * that has no issuer.
     */
    static SampleApp start(int port, Map<String, String> environment, Properties systemProperties) throws Exception {
        DemoProvider demo = LaunchSettings.startDemoProvider(environment, systemProperties);
        return start(port, demo, LaunchSettings.demoParameters(demo, environment, systemProperties));
    }

    static SampleApp start(int port, boolean withDemoProvider) throws Exception {
        DemoProvider demo = withDemoProvider ? DemoProvider.start() : null;
        return start(port, demo, demo == null ? Map.of() : demo.filterParameters());
    }

    private static SampleApp start(int port, DemoProvider demo, Map<String, String> providerParameters)
            throws Exception {
        try {
            Server server = newServer(port, webApplication(providerParameters));
            try {
                server.start();
            } catch (Exception e) {
                stopQuietly(server, e);
                throw e;
            }
            int boundPort = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            return new SampleApp(server, URI.create("http://" + HOST + ":" + boundPort + "/"), demo);
        } catch (Exception | Error e) {
            if (demo != null) {
                demo.close();
            }
            throw e;
        }
    }

    /**
     * The web application, declared as {@code WEB-INF/web.xml} declares it for the WAR (a test keeps the two
     * the same), plus the provider's filter init-params. Public for the cluster sample, whose nodes serve this very
     * application.
     */
    public static ServletContextHandler webApplication(Map<String, String> providerParameters) {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setDisplayName("oidc-servlet sample");

        FilterHolder oidc = new FilterHolder(OidcFilter.class);
        oidc.setName("oidc");
        oidc.setInitParameter("public-paths", "/,/public/*,/favicon.ico");
        providerParameters.forEach(oidc::setInitParameter);
        context.addFilter(oidc, "/*", EnumSet.of(DispatcherType.REQUEST));

        addServlet(context, "home", HomeServlet.class, "");
        addServlet(context, "ping", PingServlet.class, "/public/ping", "/api/ping");
        addServlet(context, "me", MeServlet.class, "/api/me");
        addServlet(context, "profile", ProfileServlet.class, "/profile");
        addServlet(context, "admin", AdminServlet.class, "/admin");
        addServlet(context, "error", ErrorServlet.class, "/error");

        SessionHandler sessions = context.getSessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));

        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(ErrorPageErrorHandler.GLOBAL_ERROR_PAGE, "/error");
        errors.setShowStacks(false);
        context.setErrorHandler(errors);
        return context;
    }

    /** True when no provider is configured, so that the sample should bring its own. */
    static boolean needsDemoProvider(Map<String, String> environment, Properties systemProperties) {
        return LaunchSettings.needsDemoProvider(environment, systemProperties);
    }

    /** The port from {@code PORT}, default {@value #DEFAULT_PORT}; 0 means any free port. */
    static int port(Map<String, String> environment) {
        return LaunchSettings.port(environment);
    }

    /** Where the application answers, with a trailing slash: {@code http://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The demo provider, when the application started one. */
    public Optional<DemoProvider> demoProvider() {
        return Optional.ofNullable(demoProvider);
    }

    /** What to tell the person who started the application. */
    String instructions() {
        return LaunchSettings.instructions("oidc-servlet sample", baseUri.toString(), demoProvider);
    }

    /** Stops the web server, then the demo provider; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("oidc-servlet sample: stopping the web server failed: " + messages(e));
        } finally {
            if (demoProvider != null) {
                demoProvider.close();
            }
        }
    }

    private void join() {
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A Jetty server on 127.0.0.1 and {@code port} (0: any free port) serving {@code application}, with no server
     * name in answers and no stack traces on error pages. Public for the cluster sample's nodes and balancer.
     */
    public static Server newServer(int port, Handler application) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(HOST);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(application);
        // For errors Jetty answers before the application sees the request (a malformed request line, say).
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        server.setErrorHandler(errors);
        return server;
    }

    private static void addServlet(ServletContextHandler context, String name, Class<? extends HttpServlet> type,
            String... patterns) {
        ServletHolder holder = new ServletHolder(name, type);
        for (String pattern : patterns) {
            context.addServlet(holder, pattern);
        }
    }

    private static void stopQuietly(Server server, Exception cause) {
        try {
            server.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    /** An exception and its causes as one line: start-up problems are the user's to fix, not a stack to read. */
    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            // Wrappers often repeat their cause's message; say each thing once.
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString();
    }
}
