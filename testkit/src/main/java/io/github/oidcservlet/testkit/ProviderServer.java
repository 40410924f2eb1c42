package io.github.oidcservlet.testkit;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The embedded Jetty server of a {@link TestProvider}, bound to 127.0.0.1 and a free port, with every endpoint. */
record ProviderServer(Server server, ProviderContext context) {

    static ProviderServer start(TestProviderOptions options) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("test-provider");
        threads.setStopTimeout(2_000);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        // No graceful phase: idle keep-alive connections of test clients must not hold up close().
        server.setStopTimeout(0);
        try {
            // Bind first: the issuer, and so every endpoint URL, depends on the port.
            connector.open();
            URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
            EndpointUris uris = new EndpointUris(base, options.issuerPath());
            String issuer = options.fixedIssuer() != null ? options.fixedIssuer()
                    : base + options.issuerPath();
            ProviderContext context = new ProviderContext(issuer, uris);
            server.setHandler(new ProviderHandler(routes(context), context));
            server.start();
            return new ProviderServer(server, context);
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("cannot start the test OpenID Provider", e);
            try {
                server.stop();
            } catch (Exception stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
    }

    private static Map<String, Endpoint> routes(ProviderContext context) {
        ClientCredentialChecks clientAuthentication = new ClientCredentialChecks(context.assertions);
        EndpointUris uris = context.uris;
        Map<String, Endpoint> routes = new LinkedHashMap<>();
        routes.put(uris.path(EndpointUris.DISCOVERY), new DiscoveryEndpoint(context, clientAuthentication));
        routes.put(uris.path(EndpointUris.AUTHORIZE), new AuthorizationEndpoint(context));
        routes.put(uris.path(EndpointUris.TOKEN), new TokenEndpoint(context, clientAuthentication));
        routes.put(uris.path(EndpointUris.USERINFO), new UserinfoEndpoint(context));
        routes.put(uris.path(EndpointUris.JWKS), new JwksEndpoint(context));
        routes.put(uris.path(EndpointUris.END_SESSION), new EndSessionEndpoint());
        routes.put(uris.path(EndpointUris.REVOKE), new RevocationEndpoint(context, clientAuthentication));
        routes.put(uris.path(EndpointUris.PAR), new ParEndpoint(context, clientAuthentication));
        return routes;
    }
}
