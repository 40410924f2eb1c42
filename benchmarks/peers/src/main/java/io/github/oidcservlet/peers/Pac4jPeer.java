package io.github.oidcservlet.peers;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.pac4j.core.config.Config;
import org.pac4j.jee.adapter.JEEFrameworkAdapter;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.SecurityFilter;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;

import java.io.IOException;
import java.util.EnumSet;

/**
 * pac4j with its Jakarta EE filters ({@code org.pac4j:jakartaee-pac4j}, {@code pac4j-oidc}) configured as its
 * documentation shows: an {@link OidcClient} from the provider's discovery document, the {@link SecurityFilter} on
 * the protected page, the {@link CallbackFilter} on the redirect URI. pac4j's defaults stand: PKCE when the
 * provider offers S256, a nonce, the ID token's signature checked, userinfo called, a new session id at login.
 * Same scopes as our filter's default.
 */
public final class Pac4jPeer {

    private Pac4jPeer() {
    }

    public static void main(String[] args) throws Exception {
        PeerMain.run(args, Pac4jPeer::server);
    }

    static Server server(int port, String issuer, String clientId, String secret) {
        OidcConfiguration oidc = new OidcConfiguration();
        oidc.setDiscoveryURI(issuer + "/.well-known/openid-configuration");
        oidc.setClientId(clientId);
        oidc.setSecret(secret);
        oidc.setScope("openid profile email");
        OidcClient client = new OidcClient(oidc);
        client.setCallbackUrl("http://127.0.0.1:" + port + "/callback");
        Config config = new Config(client);
        new JEEFrameworkAdapter().applyDefaultSettingsIfUndefined(config);
        // the discovery document now, as our filter fetches it at start-up
        client.init();

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityFilter(config, "OidcClient")), "/profile",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new CallbackFilter(config)), "/callback",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Profile()), "/*");
        Server server = PeerMain.onLoopback(port);
        server.setHandler(context);
        return server;
    }

    /** The protected page: who is logged in. */
    static final class Profile extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("user=" + request.getRemoteUser());
        }
    }
}
