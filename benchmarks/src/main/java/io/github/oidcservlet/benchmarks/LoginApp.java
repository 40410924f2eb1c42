package io.github.oidcservlet.benchmarks;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.InputStream;
import java.util.Map;

/**
 * One of our apps of the login benchmark in a JVM of its own, as {@link AppProcess} starts it (the peers run the
 * same way, from {@code benchmarks/peers}): arguments app ({@code filter}, {@code auto}: with
 * {@code userinfo=auto}, {@code bare}: {@link BareRelyingParty}) and issuer. Serves on a free port of 127.0.0.1,
 * prints {@code LISTENING <base URL>} once started, and stops when its standard input ends.
 */
public final class LoginApp {

    private LoginApp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("arguments: filter|auto|bare issuer");
        }
        String issuer = args[1];
        Server server = switch (args[0]) {
            case "filter" -> LoadTarget.server(0, issuer, Map.of());
            case "auto" -> LoadTarget.server(0, issuer, Map.of("userinfo", "auto"));
            case "bare" -> BareRelyingParty.server(issuer);
            default -> throw new IllegalArgumentException("app is filter, auto or bare: " + args[0]);
        };
        server.start();
        System.out.println("LISTENING http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        System.out.flush();
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // until the benchmark closes our standard input
            }
        }
        server.stop();
    }
}
