package io.github.oidcservlet.peers;

import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.openid.OpenIdAuthenticator;
import org.eclipse.jetty.security.openid.OpenIdConfiguration;
import org.eclipse.jetty.security.openid.OpenIdLoginService;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.session.SessionHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;

/**
 * Jetty 12's OpenID module ({@code org.eclipse.jetty:jetty-openid}) on embedded Jetty, configured as its
 * documentation shows: an {@link OpenIdConfiguration} from the issuer (discovery at start), an
 * {@link OpenIdLoginService} and an {@link OpenIdAuthenticator} in a {@link SecurityHandler} that requires a user
 * for the protected page. The module sends no nonce and no PKCE, checks no ID token signature and never calls
 * userinfo; the provider is told to accept such requests ({@code ProviderBehaviour#nonceAndPkceOptional}).
 */
public final class JettyOpenIdPeer {

    private JettyOpenIdPeer() {
    }

    public static void main(String[] args) throws Exception {
        PeerMain.run(args, JettyOpenIdPeer::server);
    }

    static Server server(int port, String issuer, String clientId, String secret) {
        Server server = PeerMain.onLoopback(port);
        OpenIdConfiguration config = new OpenIdConfiguration.Builder(issuer, clientId, secret)
                .scopes("profile", "email").build();
        server.addBean(config);

        SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
        security.put("/profile", Constraint.ANY_USER);
        security.setLoginService(new OpenIdLoginService(config));
        security.setAuthenticator(new OpenIdAuthenticator(config, "/callback", "/error"));
        security.setHandler(new Profile());
        SessionHandler sessions = new SessionHandler();
        sessions.setHandler(security);
        server.setHandler(sessions);
        return server;
    }

    /** The protected page: who is logged in. */
    static final class Profile extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            var authentication = Request.getAuthenticationState(request);
            String user = authentication == null || authentication.getUserPrincipal() == null ? null
                    : authentication.getUserPrincipal().getName();
            response.getHeaders().put("Content-Type", "text/plain");
            response.write(true, StandardCharsets.UTF_8.encode("user=" + user), callback);
            return true;
        }
    }
}
