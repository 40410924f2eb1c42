package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.internal.web.AppUrls;
import io.github.oidcservlet.core.internal.web.EngineSet;
import io.github.oidcservlet.core.internal.web.ErrorPages;
import io.github.oidcservlet.core.internal.web.LoginChallenge;
import io.github.oidcservlet.core.internal.web.LocalLogout;
import io.github.oidcservlet.core.internal.web.LoginRenewal;
import io.github.oidcservlet.core.internal.web.OwnPaths;
import io.github.oidcservlet.core.internal.web.ProviderChoice;
import io.github.oidcservlet.core.internal.web.WebAnswers;
import io.github.oidcservlet.core.internal.web.LogoutConfirmation;
import io.github.oidcservlet.core.internal.web.PathPatterns;
import io.github.oidcservlet.core.internal.web.RequestClassifier;
import io.github.oidcservlet.core.internal.web.RequestPath;
import io.github.oidcservlet.core.internal.web.SessionStore;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.login.LoginResult;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.internal.logout.BackchannelLogoutResult;
import io.github.oidcservlet.core.OidcLogin;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of the engine, shared by every front door (servlet filters, the Jakarta Security mechanism): routes
 * a request, finds the logged-in user, challenges anonymous requests, completes callbacks and logs out. It reads
 * and writes through the front door's {@link HttpBinding}; every answer it writes is committed. Thread-safe.
 *
 * @param <Q> the container's request type
 * @param <R> the container's response type
 */
public final class OidcWebAdapter<Q, R> {

    private final EngineSet engines;
    private final OidcConfig config;
    private final HttpBinding<Q, R> http;
    private final Clock clock;
    private final SessionStore<Q> sessions;
    private final PathPatterns publicPaths;
    private final OwnPaths ownPaths;
    private final AppUrls<Q> urls;
    private final LoginRenewal<Q> renewal;
    private final LoginChallenge<Q, R> challenges;
    private final WebAnswers<Q, R> answers;
    private final LogoutConfirmation<Q, R> logoutConfirmation;
    private final LocalLogout<Q, R> localLogout;
    private final SessionCookieSameSite<Q, R> sameSite;

    /**
     * The adapter of an application with one provider registration.
     *
     * @param engine the started engine
     * @param clock the engine's clock
     * @param http the front door's binding
     */
    public OidcWebAdapter(OidcEngine engine, Clock clock, HttpBinding<Q, R> http) {
        this(List.of(engine), clock, http, null);
    }

    /**
     * The adapter of an application with any number of provider registrations ({@code providers}), one started
     * engine each (see {@link StartupCheck#startEngines}).
     *
     * @param engines  the started engines, in the order of {@code providers}; at least one
     * @param clock    the engines' clock
     * @param http     the front door's binding
     * @param resolver the application's choice of registration for anonymous requests, or null
     */
    public OidcWebAdapter(List<OidcEngine> engines, Clock clock, HttpBinding<Q, R> http,
                          RegistrationResolver<Q> resolver) {
        this.engines = new EngineSet(engines);
        this.config = this.engines.first().config();
        this.http = http;
        this.clock = clock;
        this.sessions = new SessionStore<>(http);
        this.publicPaths = new PathPatterns(config.publicPaths());
        this.ownPaths = new OwnPaths(this.engines);
        RequestClassifier<Q> classifier = new RequestClassifier<>(http, new PathPatterns(config.apiPaths()));
        this.urls = new AppUrls<>(http, config);
        this.renewal = new LoginRenewal<>(this.engines, sessions);
        this.answers = new WebAnswers<>(http, sessions, this.engines, classifier, urls);
        this.challenges = new LoginChallenge<>(http, this.engines, sessions, urls, classifier,
                new ProviderChoice<>(http, this.engines, resolver), answers);
        this.logoutConfirmation = new LogoutConfirmation<>(http, urls);
        this.localLogout = new LocalLogout<>(sessions, this.engines, urls, answers);
        this.sameSite = new SessionCookieSameSite<>(http, config.sessionCookieSameSite().orElse(null));
    }

    /** @return the engine of the first registration (the only one without {@code providers}) */
    public OidcEngine engine() {
        return engines.first();
    }

    /** @return every registration's engine, in the order of {@code providers} */
    public List<OidcEngine> engines() {
        return engines.all();
    }

    /**
     * Closes every engine ({@link OidcEngine#close()}), when the front door stops.
     */
    public void close() {
        engines.all().forEach(OidcEngine::close);
    }

    /** @return the store of the login in the HTTP session (the mechanism's {@code cleanSubject} forgets it there) */
    public SessionStore<Q> sessions() {
        return sessions;
    }

    /**
     * @param request the request
     * @return what the request is for
     */
    public Route route(Q request) {
        // Compared part by part: routing every request of the application must not build a string.
        String tail = http.pathInfo(request);
        String head = RequestPath.head(http.servletPath(request), tail);
        Route own = ownPaths.route(head, tail);
        return own != null ? own : publicPaths.matches(head, tail) ? Route.PUBLIC : Route.PROTECTED;
    }

    /**
     * The hot path: a session lookup and one comparison, allocating nothing.
     *
     * @param request the request
     * @return the stored login if it authenticates this request as it is, else null: then ask {@link #renew}
     */
    public OidcLogin activeLogin(Q request) {
        OidcLogin session = sessions.find(request);
        if (session == null) {
            return null;
        }
        OidcEngine engine = engines.of(session);
        return engine != null && engine.isActive(session) ? session : null;
    }

    /**
     * For a request {@link #activeLogin} did not authenticate: a login within {@code refresh-margin} of expiry is
     * refreshed at its registration's provider (once per session at a time) or kept while its access token is
     * valid; an ended one, or one of a registration no longer configured, is dropped.
     *
     * @param request the request
     * @return {@link Renewal.Active} with the login to use, or why there is none (for {@link #challenge})
     */
    public Renewal renew(Q request) {
        return renewal.renew(request, sessions.find(request));
    }

    /**
     * An anonymous request to a protected path: 401 for API calls (its {@code WWW-Authenticate} names the login
     * URL of each registration), a login redirect for browser navigations (a re-authentication with
     * {@code id_token_hint} when the login expired without a refresh token), and 503 when the login could not be
     * renewed because the provider is unreachable. With several registrations, a navigation goes to the one its
     * {@code ?provider=}, the {@link RegistrationResolver}, or the {@code hosts} and {@code paths} rules pick, else
     * it gets the login chooser.
     *
     * @param request the request
     * @param response its response, committed on return
     * @param renewal what {@link #renew} said
     * @throws IOException when the client went away
     */
    public void challenge(Q request, R response, Renewal renewal) throws IOException {
        challenges.challenge(request, response, renewal);
        commitWithSessionCookie(request, response);
    }

    /**
     * The login path ({@code login-path}): starts a login with the registration {@code ?provider=<name>} names,
     * coming back to the same-origin {@code return} URL (else the application root); without a name and with
     * several registrations, the chooser (400 for a name no registration has).
     *
     * @param request the request
     * @param response its response, committed on return
     * @throws IOException when the client went away
     */
    public void login(Q request, R response) throws IOException {
        challenges.login(request, response);
        commitWithSessionCookie(request, response);
    }

    /**
     * The redirection endpoint of a registration (its own, RFC 9700 §4.4.2): completes a login or explains why it
     * failed.
     *
     * @param request the request
     * @param response its response, committed on return
     * @throws IOException when the client went away
     */
    public void callback(Q request, R response) throws IOException {
        Map<String, List<String>> params = answers.parameters(request, response);
        if (params != null) {
            PendingLogins pending = sessions.pendingLogins(request);
            LoginResult result = engineOfPath(request).completeLogin(params, pending);
            if (result instanceof LoginResult.Failed) {
                sessions.discardIfEmpty(request, clock.millis());
            } else {
                sessions.savePendingLogins(request, pending);
            }
            answers.answer(request, response, result);
        }
        commitWithSessionCookie(request, response);
    }

    /** The registration whose callback or back-channel logout path the request is on; the first for any other. */
    private OidcEngine engineOfPath(Q request) {
        OidcEngine engine = ownPaths.engine(http.servletPath(request), http.pathInfo(request));
        return engine != null ? engine : engines.first();
    }

    /**
     * RP-initiated logout (OpenID RP-Initiated Logout 1.0): ends the local session, revokes its tokens in the
     * background (RFC 7009) and sends the browser to the provider's end-session endpoint, or back to the
     * application. A request another site triggered gets a confirmation page instead (CSRF, RFC 9700 §4.7).
     *
     * @param request the request
     * @param response its response, committed on return
     * @throws IOException when the client went away
     */
    public void logout(Q request, R response) throws IOException {
        try {
            if (sessions.find(request) != null && !logoutConfirmation.isIntended(request)) {
                logoutConfirmation.ask(request, response, http.contextPath(request) + config.logoutPath());
            } else {
                localLogout.end(request, response);
            }
        } catch (IllegalArgumentException refused) {
            // the container refused to parse the confirmation form's parameters
            answers.badRequest(request, response);
        }
        http.commit(response);
    }

    /**
     * Back-channel logout (OpenID Back-Channel Logout 1.0 §2.5–2.8): the provider POSTs a {@code logout_token};
     * every login of its {@code sid} (or {@code sub}) stops authenticating at once. With several registrations, each
     * has its own path ({@code /oidc/backchannel-logout/<name>}) and ends logins of that registration only. 200 on
     * success, 400 with a JSON {@code error} otherwise, never cached.
     *
     * @param request the request
     * @param response its response, committed on return
     * @throws IOException when the client went away
     */
    public void backchannelLogout(Q request, R response) throws IOException {
        BackchannelLogoutResult result;
        if (!"POST".equals(http.method(request))) {
            result = new BackchannelLogoutResult(405, "invalid_request", "back-channel logout takes POST (§2.5)");
            http.header(response, "Allow", "POST");
        } else {
            Map<String, List<String>> params = answers.readableParameters(request);
            // each registration has its own back-channel logout path: the token is validated against that
            // registration's issuer, client and keys (Back-Channel Logout 1.0 §2.6), and ends its logins only
            result = params == null
                    ? new BackchannelLogoutResult(400, "invalid_request", "the request body could not be parsed")
                    : engineOfPath(request).backchannelLogout(params.getOrDefault("logout_token", List.of()));
        }
        ErrorPages.sendBackchannel(http, response, result);
        http.commit(response);
    }

    /** Commits an answer that may have created the session or changed its id (a new session cookie). */
    private void commitWithSessionCookie(Q request, R response) throws IOException {
        sameSite.addTo(request, response);
        http.commit(response);
    }
}
