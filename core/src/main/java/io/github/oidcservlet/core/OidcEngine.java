package io.github.oidcservlet.core;

import io.github.oidcservlet.core.config.OidcConfig;
import io.github.oidcservlet.core.login.AuthorizationRequests;
import io.github.oidcservlet.core.login.CallbackHandler;
import io.github.oidcservlet.core.login.LoginResult;
import io.github.oidcservlet.core.login.LoginFailures;
import io.github.oidcservlet.core.login.PendingLogins;
import io.github.oidcservlet.core.login.SessionFactory;
import io.github.oidcservlet.core.logout.BackchannelLogout;
import io.github.oidcservlet.core.logout.BackchannelLogoutResult;
import io.github.oidcservlet.core.logout.LogoutRedirects;
import io.github.oidcservlet.core.logout.TokenRevoker;
import io.github.oidcservlet.core.provider.OidcProvider;
import io.github.oidcservlet.core.provider.ProviderHttp;
import io.github.oidcservlet.core.provider.ProviderMetadata;
import io.github.oidcservlet.core.provider.ProviderProtocolException;
import io.github.oidcservlet.core.provider.ProviderUnavailableException;
import io.github.oidcservlet.core.session.InMemorySessionIndex;
import io.github.oidcservlet.core.session.OidcSession;
import io.github.oidcservlet.core.session.RefreshOutcome;
import io.github.oidcservlet.core.session.SessionIndex;
import io.github.oidcservlet.core.session.SessionRefresher;
import io.github.oidcservlet.core.token.ClientAuthentication;
import io.github.oidcservlet.core.token.ClientAuthentications;
import io.github.oidcservlet.core.token.TokenClient;
import io.github.oidcservlet.core.validation.IdTokenValidator;
import io.github.oidcservlet.core.validation.LogoutTokenValidator;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The engine one adapter (the servlet filter, the Jakarta Security mechanism) drives: plain values in, plain
 * values out, no servlet types. One per configured relying party; thread-safe.
 */
public final class OidcEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OidcEngine.class.getName());

    private final OidcConfig config;
    private final OidcProvider provider;
    private final Clock clock;
    private final long refreshMarginMillis;
    private final AuthorizationRequests authorizationRequests;
    private final CallbackHandler callbackHandler;
    private final LogoutRedirects logoutRedirects;
    private final SessionIndex sessionIndex;
    private final SessionRefresher refresher;
    private final TokenRevoker revoker;
    private final BackchannelLogout backchannelLogout;
    private volatile IdTokenValidator validator;
    private volatile LogoutTokenValidator logoutTokenValidator;

    public OidcEngine(OidcConfig config, OidcProvider provider, Clock clock) {
        this(config, provider, clock, new InMemorySessionIndex(InMemorySessionIndex.DEFAULT_RETENTION,
                InMemorySessionIndex.DEFAULT_MAX_ENTRIES, clock::millis));
    }

    /** @param sessionIndex where back-channel logouts are recorded (a shared one for a cluster) */
    public OidcEngine(OidcConfig config, OidcProvider provider, Clock clock, SessionIndex sessionIndex) {
        this.config = config;
        this.provider = provider;
        this.clock = clock;
        this.refreshMarginMillis = config.refreshMargin().toMillis();
        this.authorizationRequests = new AuthorizationRequests(config, clock);
        ClientAuthentication clientAuthentication = ClientAuthentications.from(config, clock);
        TokenClient tokenClient = new TokenClient(config, provider, clientAuthentication);
        this.callbackHandler = new CallbackHandler(config, provider, tokenClient, this::validator, clock,
                (silent, pending) -> start(silent.redirectUri(), silent.returnTo(), pending, Map.of()));
        this.logoutRedirects = new LogoutRedirects(config);
        this.sessionIndex = sessionIndex;
        // A request waits for another's refresh at most as long as that refresh may take.
        this.refresher = new SessionRefresher(tokenClient, this::validator, new SessionFactory(config), clock,
                config.connectTimeout().plus(config.readTimeout()).multipliedBy(2));
        this.revoker = new TokenRevoker(provider.http(), clientAuthentication);
        this.backchannelLogout = new BackchannelLogout(this::logoutTokenValidator, sessionIndex, clock,
                config.clockSkew());
    }

    /** An engine with the system clock and an HTTP client bounded by the configured timeouts. */
    public static OidcEngine create(OidcConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** An engine with {@code clock} (tests move it) and an HTTP client bounded by the configured timeouts. */
    public static OidcEngine create(OidcConfig config, Clock clock) {
        return new OidcEngine(config, new OidcProvider(config, new ProviderHttp(config.connectTimeout(),
                config.readTimeout(), config.maxResponseSize())), clock);
    }

    public OidcConfig config() {
        return config;
    }

    public OidcProvider provider() {
        return provider;
    }

    /**
     * The hot path: is this session still good for a request? One clock read and one comparison, plus, only once
     * a back-channel logout has been recorded, a lookup of the session's {@code sid} and {@code sub}.
     */
    public boolean isActive(OidcSession session) {
        return session.isActive(clock.millis(), refreshMarginMillis)
                && (sessionIndex.isEmpty() || !sessionIndex.isEnded(session));
    }

    /** Whether a back-channel logout ended this login. */
    public boolean isEnded(OidcSession session) {
        return !sessionIndex.isEmpty() && sessionIndex.isEnded(session);
    }

    /** Whether the session's access token itself is still valid (no margin). */
    public boolean isValid(OidcSession session) {
        return session.isValid(clock.millis());
    }

    /**
     * Refreshes a session whose access token expires within {@code refresh-margin}; one refresh per session at a
     * time, concurrent callers get the same outcome.
     */
    public RefreshOutcome refresh(OidcSession session) {
        return refresher.refresh(session);
    }

    /**
     * Starts a login: a redirect to the authorization endpoint, remembered in {@code pending}.
     *
     * @return a {@link LoginResult.Redirect}, or a {@link LoginResult.Failed} when the provider is unreachable
     */
    public LoginResult startLogin(String redirectUri, String returnTo, PendingLogins pending) {
        return start(redirectUri, returnTo, pending, Map.of());
    }

    /**
     * Re-authenticates the user of an expired login that cannot be refreshed: the request carries
     * {@code id_token_hint} (OIDC Core §3.1.2.1), and with {@code silent-reauth} also {@code prompt=none}, whose
     * {@code login_required} or {@code interaction_required} answer turns into an interactive login.
     */
    public LoginResult startReauthentication(String redirectUri, String returnTo, PendingLogins pending,
                                             OidcSession expired) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("id_token_hint", expired.idToken());
        if (config.silentReauth()) {
            extra.put("prompt", "none");
        }
        return start(redirectUri, returnTo, pending, extra);
    }

    private LoginResult start(String redirectUri, String returnTo, PendingLogins pending, Map<String, String> extra) {
        try {
            AuthorizationRequests.Started started = authorizationRequests.start(
                    provider.metadata().authorizationEndpoint(), redirectUri, returnTo, extra);
            pending.add(started.pending());
            return new LoginResult.Redirect(started.location());
        } catch (RuntimeException e) {
            return LoginFailures.from(e);
        }
    }

    /** Handles the callback; see {@link CallbackHandler#handle}. */
    public LoginResult completeLogin(Map<String, List<String>> params, PendingLogins pending) {
        return callbackHandler.handle(params, pending);
    }

    /** Where to send the browser after the local session has ended. */
    public URI logoutLocation(OidcSession session, String postLogoutRedirectUri) {
        return logoutLocation(session, postLogoutRedirectUri, null);
    }

    /** Where to send the browser after the local session has ended, with a {@code state} to pass back. */
    public URI logoutLocation(OidcSession session, String postLogoutRedirectUri, String state) {
        return logoutRedirects.location(knownMetadata(), session, postLogoutRedirectUri, state);
    }

    /**
     * Revokes the session's refresh token, then its access token, when the provider has a revocation endpoint
     * (RFC 7009); in the background, so the logout never waits. The future is for tests and never fails.
     */
    public CompletableFuture<Void> revokeTokens(OidcSession session) {
        ProviderMetadata metadata = knownMetadata();
        if (session == null || metadata == null || metadata.revocationEndpoint() == null) {
            return CompletableFuture.completedFuture(null);
        }
        return revoker.revokeInBackground(metadata.revocationEndpoint(), session);
    }

    /**
     * Revokes the tokens of a login a back-channel logout ended, in the background. Back-Channel Logout 1.0 §2.7:
     * "Refresh tokens issued without the offline_access property to a session being logged out SHOULD be revoked.
     * Refresh tokens issued with the offline_access property normally SHOULD NOT be revoked": with
     * {@code offline_access} among the requested scopes nothing is revoked.
     */
    public CompletableFuture<Void> revokeEndedLogin(OidcSession session) {
        if (List.of(config.scopes().split(" ")).contains("offline_access")) {
            return CompletableFuture.completedFuture(null);
        }
        return revokeTokens(session);
    }

    /** Handles a back-channel logout request's {@code logout_token} values. */
    public BackchannelLogoutResult backchannelLogout(List<String> logoutTokens) {
        return backchannelLogout.handle(logoutTokens);
    }

    /** Stops the engine's background threads (token revocation); the adapter calls it when it stops. */
    @Override
    public void close() {
        revoker.close();
    }

    public SessionIndex sessionIndex() {
        return sessionIndex;
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

    private IdTokenValidator validator() {
        IdTokenValidator known = validator;
        if (known == null) {
            known = new IdTokenValidator(config, provider.metadata(), provider::jwkSource, clock);
            validator = known;
        }
        return known;
    }

    private LogoutTokenValidator logoutTokenValidator() {
        LogoutTokenValidator known = logoutTokenValidator;
        if (known == null) {
            known = new LogoutTokenValidator(config, provider.metadata(), provider::jwkSource, clock,
                    BackchannelLogout.MAX_TOKEN_AGE);
            logoutTokenValidator = known;
        }
        return known;
    }
}
