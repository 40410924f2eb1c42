package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.filter.OidcFilter;
import io.github.oidcservlet.testkit.TestBrowser;
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
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The load test's server: the sample's ping contract ({@code /public/ping} public, {@code /api/ping} protected)
 * behind {@link OidcFilter} on embedded Jetty 12, logged in against the in-process provider. It first measures
 * full logins (median and p90), then writes the session cookie of one logged-in user for wrk and serves until
 * stopped.
 *
 * <p>Arguments: port, cookie file, number of logins to time (default 200).
 */
public final class LoadTarget {

    private LoadTarget() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
        Path cookieFile = Path.of(args.length > 1 ? args[1] : "target/session-cookie");
        int logins = args.length > 2 ? Integer.parseInt(args[2]) : 200;

        TestProvider provider = TestProvider.start();
        // long-lived tokens: the load rounds must not cross an expiry
        provider.behaviour().expiresIn(86_400L);
        Server server = server(port, provider.issuer(), Map.of());
        server.start();
        String base = "http://127.0.0.1:" + port;

        timeLogins(base, logins);
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> landed = login(browser, base);
        if (landed.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + landed.statusCode());
        }
        HttpCookie cookie = browser.cookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst()
                .orElseThrow();
        Files.writeString(cookieFile, cookie.getName() + "=" + cookie.getValue());
        System.out.println("READY " + base + " cookie in " + cookieFile);
        server.join();
    }

    private static void timeLogins(String base, int logins) {
        // one client, as a browser keeps its connections; a fresh cookie jar per login, as a new visitor has
        TestBrowser browser = new TestBrowser();
        for (int i = 0; i < Math.min(50, logins); i++) {
            browser.clearCookies();
            login(browser, base);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            browser.clearCookies();
            long started = System.nanoTime();
            HttpResponse<String> landed = login(browser, base);
            micros.add((System.nanoTime() - started) / 1_000);
            if (landed.statusCode() != 200) {
                throw new IllegalStateException("login failed: " + landed.statusCode());
            }
        }
        Collections.sort(micros);
        System.out.printf("full login (%d runs, after 50 warm-up; browser -> app -> provider -> callback with code "
                + "redemption, ID token validation and userinfo -> app): median %.2f ms, p90 %.2f ms%n", logins,
                micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.9)) / 1000.0);
    }

    /** Protected page → provider → callback → back on the page: every hop of a real login. */
    private static HttpResponse<String> login(TestBrowser browser, String base) {
        return browser.follow(browser.get(base + "/profile", "Accept", "text/html"), 10);
    }

    /** Jetty on 127.0.0.1 (port 0: any free one) with a root context that has sessions, for {@code setUp}. */
    static Server onLoopback(int port, java.util.function.Consumer<ServletContextHandler> setUp) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        setUp.accept(context);
        server.setHandler(context);
        return server;
    }

    /** @param extraParams further filter init-params ({@code userinfo}, ...) */
    static Server server(int port, String issuer, Map<String, String> extraParams) {
        return onLoopback(port, context -> {
            FilterHolder filter = new FilterHolder(OidcFilter.class);
            filter.setInitParameters(extraParams);
            filter.setInitParameter("issuer", issuer);
            filter.setInitParameter("client-id", TestProvider.DEFAULT_CLIENT_ID);
            filter.setInitParameter("client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
            filter.setInitParameter("public-paths", "/public/*");
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new Pong()), "/*");
        });
    }

    /** {@code pong}, as the sample's ping endpoints answer. */
    static final class Pong extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("pong");
        }
    }
}
