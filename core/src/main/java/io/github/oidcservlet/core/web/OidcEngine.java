package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.login.AuthorizationRequests;
import io.github.oidcservlet.core.internal.login.CallbackHandler;
import io.github.oidcservlet.core.internal.login.LoginResult;
import io.github.oidcservlet.core.internal.login.LoginFailures;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.internal.login.PushedAuthorizationRequests;
import io.github.oidcservlet.core.internal.logout.BackchannelLogout;
import io.github.oidcservlet.core.internal.logout.BackchannelLogoutResult;
import io.github.oidcservlet.core.internal.logout.LogoutActions;
import io.github.oidcservlet.core.internal.logout.TokenRevoker;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshOutcome;
import io.github.oidcservlet.core.internal.session.LoginFactory;
import io.github.oidcservlet.core.internal.session.LoginRefresher;
import io.github.oidcservlet.core.internal.logout.TenantEndedLogins;
import io.github.oidcservlet.core.store.EndedLogins;
import io.github.oidcservlet.core.store.StoreContext;
import io.github.oidcservlet.core.internal.store.StoreProviders;
import io.github.oidcservlet.core.store.Stores;
import io.github.oidcservlet.core.internal.token.ClientAuthentication;
import io.github.oidcservlet.core.internal.token.ClientAuthentications;
import io.github.oidcservlet.core.internal.token.TokenClient;
import io.github.oidcservlet.core.internal.validation.TokenValidators;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
    private final EndedLogins endedLogins;
    private final LoginRefresher refresher;
    private final LogoutActions logout;
    private final BackchannelLogout backchannelLogout;
    private final TokenValidators validators;
    private final Stores stores;

    /**
     * An engine over a provider and stores made by the caller; {@link #close()} closes both.
     *
     * @param config   the configuration
     * @param provider the provider, with the HTTP client the engine then owns
     * @param clock    the only time source of the engine
     * @param stores   the shared state, e.g. from {@link StoreProviders#create}
     */
    public OidcEngine(OidcConfig config, OidcProvider provider, Clock clock, Stores stores) {
        this.config = config;
        this.provider = provider;
        this.clock = clock;
        this.stores = stores;
        this.refreshMarginMillis = config.refreshMargin().toMillis();
        this.validators = new TokenValidators(config, provider, clock, BackchannelLogout.MAX_TOKEN_AGE);
        ClientAuthentication clientAuthentication = ClientAuthentications.from(config, clock);
        this.authorizationRequests = new AuthorizationRequests(config, clock,
                new PushedAuthorizationRequests(config, provider, clientAuthentication));
        TokenClient tokenClient = new TokenClient(config, provider, clientAuthentication);
        this.callbackHandler = new CallbackHandler(config, provider, tokenClient, validators::idTokens, clock,
                (silent, pending) -> startLogin(silent.redirectUri(), silent.returnTo(), pending));
        this.endedLogins = TenantEndedLogins.of(stores.endedLogins(), config.tenants());
        this.refresher = new LoginRefresher(tokenClient, validators::idTokens, new LoginFactory(config), clock,
                stores.refreshCoordination());
        this.logout = new LogoutActions(config, provider, new TokenRevoker(provider.http(), clientAuthentication));
        this.backchannelLogout = new BackchannelLogout(validators::logoutTokens, endedLogins,
                stores.jtiReplayCache(), clock);
    }

    /**
     * An engine with the system clock, an HTTP client bounded by the configured timeouts and the stores the
     * {@code store} key names.
     *
     * @param config the configuration
     * @return the engine; close it when the application stops
     * @throws io.github.oidcservlet.core.OidcConfigException when {@code store} names no store found
     */
    public static OidcEngine create(OidcConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * As {@link #create(OidcConfig)}, with {@code clock} (tests move it), the only time source of the engine.
     *
     * @param config the configuration
     * @param clock  the only time source of the engine
     * @return the engine; close it when the application stops
     */
    public static OidcEngine create(OidcConfig config, Clock clock) {
        ProviderHttp http = new ProviderHttp(config.connectTimeout(), config.readTimeout(), config.maxResponseSize(),
                clock);
        try {
            // A request waits for another's refresh at most as long as that refresh may take.
            Duration refreshWait = config.connectTimeout().plus(config.readTimeout()).multipliedBy(2);
            Stores stores = StoreProviders.create(new StoreContext(config, clock, refreshWait,
                    LoginRefresher.LINGER, BackchannelLogout.jtiTtl(config.clockSkew())));
            return new OidcEngine(config, new OidcProvider(config, http, clock, OidcProvider.FAILURE_MEMORY), clock,
                    stores);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** {@return the configuration the engine was made with} */
    public OidcConfig config() { return config; }

    /** {@return the provider: its metadata (discovery or manual) and HTTP client} */
    public OidcProvider provider() { return provider; }

    /**
     * The hot path: may this login serve a request as it is? True while its access token is valid for longer
     * than {@code refresh-margin} and no back-channel logout ended it. One clock read and one comparison, plus,
     * only once a back-channel logout has been recorded, a lookup of the login's {@code sid} and {@code sub}.
     * When it answers false, {@link #isEnded} says whether the login is over for good and {@link #isValid} whether
     * its token may still serve while a refresh is attempted.
     *
     * @param session the login the request holds
     * @return true when the request can go on without a refresh
     */
    public boolean isActive(OidcLogin session) {
        return session.isActive(clock.millis(), refreshMarginMillis)
                && (endedLogins.isEmpty() || !endedLogins.isEnded(session));
    }

    /**
     * Whether a back-channel logout ended this login; such a login never serves again, whatever its token says.
     *
     * @param session the login the request holds
     * @return true when the provider logged it out
     */
    public boolean isEnded(OidcLogin session) {
        return !endedLogins.isEmpty() && endedLogins.isEnded(session);
    }

    /**
     * Whether the login's access token itself is still valid (no margin, no logout check): such a login may serve
     * the request when a refresh cannot reach the provider.
     *
     * @param session the login the request holds
     * @return true before the access token's expiry
     */
    public boolean isValid(OidcLogin session) {
        return session.isValid(clock.millis());
    }

    /**
     * Refreshes a login whose access token expires within {@code refresh-margin}; one refresh per login at a
     * time, concurrent callers get the same outcome.
     *
     * @param session the login to refresh
     * @return what became of it
     */
    public RefreshOutcome refresh(OidcLogin session) {
        return refresher.refresh(session);
    }

    /**
     * Starts a login: a redirect to the authorization endpoint, remembered in {@code pending}.
     *
     * @param redirectUri the callback URL registered at the provider
     * @param returnTo    where the browser goes after the login (same origin)
     * @param pending     the browser session's pending logins; the new one is added
     * @return a {@link LoginResult.Redirect}, or a {@link LoginResult.Failed} when the provider is unreachable
     */
    public LoginResult startLogin(String redirectUri, String returnTo, PendingLogins pending) {
        return redirect(pending, endpoint -> authorizationRequests.start(endpoint, redirectUri, returnTo, Map.of()));
    }

    /**
     * Re-authenticates the user of an expired login that cannot be refreshed: the request carries
     * {@code id_token_hint} (OIDC Core §3.1.2.1), and with {@code silent-reauth} also {@code prompt=none}, whose
     * {@code login_required} or {@code interaction_required} answer turns into an interactive login.
     *
     * @param redirectUri the callback URL registered at the provider
     * @param returnTo    where the browser goes after the login (same origin)
     * @param pending     the browser session's pending logins; the new one is added
     * @param expired     the login to renew; its ID token becomes the hint
     * @return a {@link LoginResult.Redirect}, or a {@link LoginResult.Failed} when the provider is unreachable
     */
    public LoginResult startReauthentication(String redirectUri, String returnTo, PendingLogins pending,
                                             OidcLogin expired) {
        return redirect(pending, endpoint -> authorizationRequests.reauthenticate(endpoint, redirectUri, returnTo,
                expired.idToken()));
    }

    private LoginResult redirect(PendingLogins pending, Function<URI, AuthorizationRequests.Started> request) {
        try {
            AuthorizationRequests.Started started = request.apply(provider.metadata().authorizationEndpoint());
            pending.add(started.pending());
            return new LoginResult.Redirect(started.location());
        } catch (RuntimeException e) {
            return LoginFailures.from(e);
        }
    }

    /**
     * Completes a login at the callback: matches {@code state}, redeems the code, validates the tokens.
     *
     * @param params  the callback request's parameters
     * @param pending the browser session's pending logins; the matched one is used up
     * @return the new login, a redirect (silent re-authentication that needs the user), or why it failed
     */
    public LoginResult completeLogin(Map<String, List<String>> params, PendingLogins pending) {
        return callbackHandler.handle(params, pending);
    }

    /**
     * Where to send the browser after the local session has ended: the provider's end-session endpoint with
     * {@code id_token_hint} (OpenID RP-Initiated Logout 1.0), or straight back when the provider has none.
     *
     * @param session               the login that ended, or null
     * @param postLogoutRedirectUri where the provider sends the browser back
     * @param state                 a value the provider passes back, or null
     * @return the location to redirect to
     */
    public URI logoutLocation(OidcLogin session, String postLogoutRedirectUri, String state) {
        return logout.location(session, postLogoutRedirectUri, state);
    }

    /**
     * Revokes the session's refresh token, then its access token, when the provider has a revocation endpoint
     * (RFC 7009); in the background, so the logout never waits.
     *
     * @param session the login that ended, or null (nothing to revoke)
     * @return completes when the revocation is done; for tests, never fails
     */
    public CompletableFuture<Void> revokeTokens(OidcLogin session) {
        return logout.revokeTokens(session);
    }

    /**
     * Revokes the tokens of a login a back-channel logout ended, in the background, unless it was granted
     * {@code offline_access} (Back-Channel Logout 1.0 §2.7).
     *
     * @param session the login the logout ended
     * @return completes when the revocation is done; for tests, never fails
     */
    public CompletableFuture<Void> revokeEndedLogin(OidcLogin session) {
        return logout.revokeEndedLogin(session);
    }

    /**
     * Handles a back-channel logout request: validates the logout token and records the logins it ends.
     *
     * @param logoutTokens the request's {@code logout_token} values (exactly one is valid)
     * @return what to answer the provider
     */
    public BackchannelLogoutResult backchannelLogout(List<String> logoutTokens) {
        return backchannelLogout.handle(logoutTokens);
    }

    /**
     * Stops what the engine started: the token revocation threads, the provider's HTTP client and its threads,
     * and the stores. The adapter calls it when it stops (a filter's {@code destroy}, the CDI extension's
     * shutdown), so no thread of the engine outlives the application. Each part is closed even when another fails.
     */
    @Override
    public void close() {
        closeQuietly(logout::close, "token revocation");
        closeQuietly(provider.http()::close, "HTTP client");
        closeQuietly(stores::close, "stores");
    }

    private static void closeQuietly(Runnable close, String what) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing the " + what + " failed: " + LogText.safe(e.toString()));
        }
    }

    /** @return where back-channel logouts are recorded (the chosen store's) */
    public EndedLogins endedLogins() { return endedLogins; }

    /** @return the engine's clock, the time source its adapters use too */
    public Clock clock() { return clock; }
}
