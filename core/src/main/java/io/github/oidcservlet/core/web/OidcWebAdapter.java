package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.internal.web.AppUrls;
import io.github.oidcservlet.core.internal.web.ErrorPages;
import io.github.oidcservlet.core.internal.web.LoginRenewal;
import io.github.oidcservlet.core.internal.web.LogoutConfirmation;
import io.github.oidcservlet.core.internal.web.PathPatterns;
import io.github.oidcservlet.core.internal.web.RequestClassifier;
import io.github.oidcservlet.core.internal.web.RequestPath;
import io.github.oidcservlet.core.internal.web.SessionStore;
import io.github.oidcservlet.core.internal.RandomTokens;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.login.LoginResult;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.internal.login.ReturnUrls;
import io.github.oidcservlet.core.internal.logout.BackchannelLogoutResult;
import io.github.oidcservlet.core.OidcLogin;

import java.io.IOException;
import java.net.URI;
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

    private final OidcEngine engine;
    private final OidcConfig config;
    private final HttpBinding<Q, R> http;
    private final Clock clock;
    private final SessionStore<Q> sessions;
    private final PathPatterns publicPaths;
    private final RequestClassifier<Q> classifier;
    private final AppUrls<Q> urls;
    private final LoginRenewal<Q> renewal;
    private final LogoutConfirmation<Q, R> logoutConfirmation;
    private final SessionCookieSameSite<Q, R> sameSite;

    /**
     * @param engine the started engine
     * @param clock the engine's clock
     * @param http the front door's binding
     */
    public OidcWebAdapter(OidcEngine engine, Clock clock, HttpBinding<Q, R> http) {
        this.engine = engine;
        this.config = engine.config();
        this.http = http;
        this.clock = clock;
        this.sessions = new SessionStore<>(http);
        this.publicPaths = new PathPatterns(config.publicPaths());
        this.classifier = new RequestClassifier<>(http, new PathPatterns(config.apiPaths()));
        this.urls = new AppUrls<>(http, config);
        this.renewal = new LoginRenewal<>(engine, sessions);
        this.logoutConfirmation = new LogoutConfirmation<>(http, urls);
        this.sameSite = new SessionCookieSameSite<>(http, config.sessionCookieSameSite().orElse(null));
    }

    /** @return the engine, for its lifecycle ({@link OidcEngine#close()}) */
    public OidcEngine engine() {
        return engine;
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
        if (RequestPath.equalTo(head, tail, config.redirectPath())) {
            return Route.CALLBACK;
        }
        if (RequestPath.equalTo(head, tail, config.logoutPath())) {
            return Route.LOGOUT;
        }
        if (RequestPath.equalTo(head, tail, config.backchannelLogoutPath())) {
            return Route.BACKCHANNEL_LOGOUT;
        }
        return publicPaths.matches(head, tail) ? Route.PUBLIC : Route.PROTECTED;
    }

    /**
     * The hot path: a session lookup and one comparison, allocating nothing.
     *
     * @param request the request
     * @return the stored login if it authenticates this request as it is, else null: then ask {@link #renew}
     */
    public OidcLogin activeLogin(Q request) {
        OidcLogin session = sessions.find(request);
        return session != null && engine.isActive(session) ? session : null;
    }

    /**
     * For a request {@link #activeLogin} did not authenticate: a login within {@code refresh-margin} of expiry is
     * refreshed (once per session at a time) or kept while its access token is valid; an ended one is dropped.
     *
     * @param request the request
     * @return {@link Renewal.Active} with the login to use, or why there is none (for {@link #challenge})
     */
    public Renewal renew(Q request) {
        return renewal.renew(request, sessions.find(request));
    }

    /**
     * An anonymous request to a protected path: 401 for API calls, a login redirect for browser navigations
     * (a re-authentication with {@code id_token_hint} when the login expired without a refresh token), and 503
     * when the login could not be renewed because the provider is unreachable.
     *
     * @param request the request
     * @param response its response, committed on return
     * @param renewal what {@link #renew} said
     * @throws IOException when the client went away
     */
    public void challenge(Q request, R response, Renewal renewal) throws IOException {
        String path = urls.path(request);
        if (renewal instanceof Renewal.Unavailable) {
            ErrorPages.send(http, response, new ErrorPages.Problem(503, "Login is unavailable", "Your login has "
                    + "expired and the identity provider is not reachable right now to renew it. Please try again in "
                    + "a moment.", null, null, true), classifier.isApiRequest(request, path), urls.root(request));
        } else if (classifier.isApiRequest(request, path)) {
            http.header(response, "WWW-Authenticate", "OIDC realm=\"" + config.clientId().replace("\"", "")
                    + "\", login=\"" + urls.base(request) + "/\"");
            ErrorPages.send(http, response, new ErrorPages.Problem(401, "Login required",
                    "This resource needs a logged-in user; log in through the application's pages first.",
                    null, null, false), true, urls.root(request));
        } else {
            String returnTo = ReturnUrls.sameOrigin(urls.requestedUrl(request), urls.root(request));
            PendingLogins pending = sessions.pendingLoginsForNewLogin(request);
            LoginResult result = renewal instanceof Renewal.Reauthenticate expired
                    ? engine.startReauthentication(urls.redirectUri(request), returnTo, pending, expired.expired())
                    : engine.startLogin(urls.redirectUri(request), returnTo, pending);
            sessions.savePendingLogins(request, pending);
            answer(request, response, result);
        }
        commitWithSessionCookie(request, response);
    }

    /**
     * The redirection endpoint: completes a login or explains why it failed.
     *
     * @param request the request
     * @param response its response, committed on return
     * @throws IOException when the client went away
     */
    public void callback(Q request, R response) throws IOException {
        Map<String, List<String>> params = parameters(request, response);
        if (params != null) {
            PendingLogins pending = sessions.pendingLogins(request);
            LoginResult result = engine.completeLogin(params, pending);
            if (result instanceof LoginResult.Failed) {
                sessions.discardIfEmpty(request, clock.millis());
            } else {
                sessions.savePendingLogins(request, pending);
            }
            answer(request, response, result);
        }
        commitWithSessionCookie(request, response);
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
                OidcLogin ended = sessions.invalidate(request);
                engine.revokeTokens(ended);
                // RP-Initiated Logout 1.0 §2: state is opaque to the provider, passed back to the post-logout page
                URI location = engine.logoutLocation(ended, urls.postLogoutRedirectUri(request), RandomTokens.of(16));
                redirect(response, location.toString());
            }
        } catch (IllegalArgumentException refused) {
            // the container refused to parse the confirmation form's parameters
            badRequest(request, response);
        }
        http.commit(response);
    }

    /**
     * Back-channel logout (OpenID Back-Channel Logout 1.0 §2.5–2.8): the provider POSTs a {@code logout_token};
     * every login of its {@code sid} (or {@code sub}) stops authenticating at once. 200 on success, 400 with a
     * JSON {@code error} otherwise, never cached.
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
            Map<String, List<String>> params = readableParameters(request);
            result = params == null
                    ? new BackchannelLogoutResult(400, "invalid_request", "the request body could not be parsed")
                    : engine.backchannelLogout(params.getOrDefault("logout_token", List.of()));
        }
        ErrorPages.sendBackchannel(http, response, result);
        http.commit(response);
    }

    /** Commits an answer that may have created the session or changed its id (a new session cookie). */
    private void commitWithSessionCookie(Q request, R response) throws IOException {
        sameSite.addTo(request, response);
        http.commit(response);
    }

    /** The parameters, or null after answering 400 when the container refuses to parse them. */
    private Map<String, List<String>> parameters(Q request, R response) throws IOException {
        Map<String, List<String>> params = readableParameters(request);
        if (params == null) {
            badRequest(request, response);
        }
        return params;
    }

    private Map<String, List<String>> readableParameters(Q request) {
        try {
            return http.parameters(request);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    /** RFC 9110 §15.5.1: a request the server cannot process because of a client error is a 400, never a 500. */
    private void badRequest(Q request, R response) throws IOException {
        ErrorPages.send(http, response, new ErrorPages.Problem(400, "Bad request", "The request could not be read: "
                + "its parameters are not correctly encoded.", null, null, false),
                classifier.isApiRequest(request, urls.path(request)), urls.root(request));
    }

    private void answer(Q request, R response, LoginResult result) throws IOException {
        if (result instanceof LoginResult.Redirect redirect) {
            redirect(response, redirect.location().toString());
        } else if (result instanceof LoginResult.LoggedIn loggedIn) {
            OidcLogin previous = sessions.find(request);
            sessions.storeLogin(request, loggedIn.session(), previous != null && engine.isEnded(previous));
            redirect(response, loggedIn.returnTo());
        } else if (result instanceof LoginResult.Failed failed) {
            ErrorPages.send(http, response, new ErrorPages.Problem(failed.status(),
                    failed.status() >= 500 ? "Login is unavailable" : "Login failed", failed.userMessage(),
                    failed.providerError(), failed.providerErrorDescription(), failed.retryable()),
                    classifier.isApiRequest(request, urls.path(request)), urls.root(request));
        }
    }

    private void redirect(R response, String location) {
        http.header(response, "Cache-Control", "no-store");
        http.status(response, 302);
        http.header(response, "Location", location);
    }
}
