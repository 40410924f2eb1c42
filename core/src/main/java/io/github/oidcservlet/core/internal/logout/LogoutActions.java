package io.github.oidcservlet.core.internal.logout;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the engine does when a login ends: where the browser goes (RP-Initiated Logout 1.0) and the revocation of
 * its tokens (RFC 7009) in the background. Both work without the provider's metadata too: logout must end the local
 * session even while the provider is unreachable. Thread-safe.
 */
public final class LogoutActions implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LogoutActions.class.getName());

    private final OidcConfig config;
    private final OidcProvider provider;
    private final LogoutRedirects redirects;
    private final TokenRevoker revoker;

    /**
     * @param config   the configuration (scopes, post-logout redirect)
     * @param provider the provider whose endpoints are used when known
     * @param revoker  the background revocation, closed with this
     */
    public LogoutActions(OidcConfig config, OidcProvider provider, TokenRevoker revoker) {
        this.config = config;
        this.provider = provider;
        this.redirects = new LogoutRedirects(config);
        this.revoker = revoker;
    }

    /** @return where to send the browser after the local session has ended (see {@link LogoutRedirects}) */
    public URI location(OidcLogin login, String postLogoutRedirectUri, String state) {
        return redirects.location(knownMetadata(), login, postLogoutRedirectUri, state);
    }

    /** @return the background revocation of the login's refresh and access tokens; completed at once without one */
    public CompletableFuture<Void> revokeTokens(OidcLogin login) {
        ProviderMetadata metadata = knownMetadata();
        if (login == null || metadata == null || metadata.revocationEndpoint() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return revoker.revokeInBackground(metadata.revocationEndpoint(), login);
    }

    /**
     * Back-Channel Logout 1.0 §2.7: "Refresh tokens issued without the offline_access property to a session being
     * logged out SHOULD be revoked. Refresh tokens issued with the offline_access property normally SHOULD NOT be
     * revoked": with {@code offline_access} among the requested scopes nothing is revoked.
     *
     * @return the background revocation, or a completed future when nothing is revoked
     */
    public CompletableFuture<Void> revokeEndedLogin(OidcLogin login) {
        if (List.of(config.scopes().split(" ")).contains("offline_access")) {
            return CompletableFuture.completedFuture(null);
        }
        return revokeTokens(login);
    }

    /** Stops the revocation threads. */
    @Override
    public void close() {
        revoker.close();
    }

    /**
     * The metadata when it can be had; logout must end the local session even while the provider is unreachable,
     * so here (and only here) a failure means "no provider endpoints": the browser then goes back to the app.
     */
    private ProviderMetadata knownMetadata() {
        try {
            return provider.metadata();
        } catch (ProviderUnavailableException | ProviderProtocolException e) {
            LOG.log(System.Logger.Level.WARNING, "Logging out without the provider's endpoints: "
                    + LogText.safe(e.getMessage()));
            return null;
        }
    }
}
