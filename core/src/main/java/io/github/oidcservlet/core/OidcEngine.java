package io.github.oidcservlet.core;

import io.github.oidcservlet.core.config.OidcConfig;
import io.github.oidcservlet.core.login.AuthorizationRequests;
import io.github.oidcservlet.core.login.CallbackHandler;
import io.github.oidcservlet.core.login.LoginResult;
import io.github.oidcservlet.core.login.PendingLogins;
import io.github.oidcservlet.core.logout.LogoutRedirects;
import io.github.oidcservlet.core.provider.OidcProvider;
import io.github.oidcservlet.core.provider.ProviderHttp;
import io.github.oidcservlet.core.provider.ProviderMetadata;
import io.github.oidcservlet.core.session.OidcSession;
import io.github.oidcservlet.core.token.ClientAuthentications;
import io.github.oidcservlet.core.token.TokenClient;
import io.github.oidcservlet.core.validation.IdTokenValidator;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The engine one adapter (the servlet filter, the Jakarta Security mechanism) drives: plain values in, plain
 * values out, no servlet types. One per configured relying party; thread-safe.
 */
public final class OidcEngine {

    private final OidcConfig config;
    private final OidcProvider provider;
    private final Clock clock;
    private final long refreshMarginMillis;
    private final AuthorizationRequests authorizationRequests;
    private final CallbackHandler callbackHandler;
    private final LogoutRedirects logoutRedirects;
    private volatile IdTokenValidator validator;

    public OidcEngine(OidcConfig config, OidcProvider provider, Clock clock) {
        this.config = config;
        this.provider = provider;
        this.clock = clock;
        this.refreshMarginMillis = config.refreshMargin().toMillis();
        this.authorizationRequests = new AuthorizationRequests(config, clock);
        TokenClient tokenClient = new TokenClient(config, provider, ClientAuthentications.from(config, clock));
        this.callbackHandler = new CallbackHandler(config, provider, tokenClient, this::validator, clock);
        this.logoutRedirects = new LogoutRedirects(config);
    }

    /** An engine with the system clock and an HTTP client bounded by the configured timeouts. */
    public static OidcEngine create(OidcConfig config) {
        return new OidcEngine(config, new OidcProvider(config, new ProviderHttp(config.connectTimeout(),
                config.readTimeout())), Clock.systemUTC());
    }

    public OidcConfig config() {
        return config;
    }

    public OidcProvider provider() {
        return provider;
    }

    /**
     * The hot path: is this session still good for a request? One clock read and one comparison.
     */
    public boolean isActive(OidcSession session) {
        return session.isActive(clock.millis(), refreshMarginMillis);
    }

    /**
     * Starts a login: a redirect to the authorization endpoint, remembered in {@code pending}.
     *
     * @return a {@link LoginResult.Redirect}, or a {@link LoginResult.Failed} when the provider is unreachable
     */
    public LoginResult startLogin(String redirectUri, String returnTo, PendingLogins pending) {
        try {
            AuthorizationRequests.Started started = authorizationRequests.start(
                    provider.metadata().authorizationEndpoint(), redirectUri, returnTo, Map.of());
            pending.add(started.pending());
            return new LoginResult.Redirect(started.location());
        } catch (RuntimeException e) {
            return io.github.oidcservlet.core.login.LoginFailures.from(e);
        }
    }

    /** Handles the callback; see {@link CallbackHandler#handle}. */
    public LoginResult completeLogin(Map<String, List<String>> params, PendingLogins pending) {
        return callbackHandler.handle(params, pending);
    }

    /** Where to send the browser after the local session has ended. */
    public URI logoutLocation(OidcSession session, String postLogoutRedirectUri) {
        ProviderMetadata metadata;
        try {
            metadata = provider.metadata();
        } catch (RuntimeException e) {
            metadata = null;
        }
        return logoutRedirects.location(metadata, session, postLogoutRedirectUri);
    }

    private IdTokenValidator validator() {
        IdTokenValidator known = validator;
        if (known == null) {
            known = new IdTokenValidator(config, provider.metadata(), provider::jwkSource, clock);
            validator = known;
        }
        return known;
    }
}
