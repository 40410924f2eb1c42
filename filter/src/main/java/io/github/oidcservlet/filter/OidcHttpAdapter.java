package io.github.oidcservlet.filter;

import io.github.oidcservlet.core.OidcEngine;
import io.github.oidcservlet.core.config.OidcConfig;
import io.github.oidcservlet.core.login.LoginResult;
import io.github.oidcservlet.core.login.PendingLogins;
import io.github.oidcservlet.core.login.ReturnUrls;
import io.github.oidcservlet.core.logout.BackchannelLogoutResult;
import io.github.oidcservlet.core.session.OidcSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servlet side of the engine, shared by the filter and the Jakarta Security mechanism: finds the logged-in
 * user, challenges anonymous requests, completes callbacks and logs out. Thread-safe.
 */
public final class OidcHttpAdapter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OidcEngine engine;
    private final OidcConfig config;
    private final SessionStore sessions = new SessionStore();
    private final ErrorPages errorPages = new ErrorPages();
    private final PathPatterns publicPaths;
    private final RequestClassifier classifier;
    private final AppUrls urls;
    private final SessionRenewal renewal;
    private final LogoutConfirmation logoutConfirmation;
    private final SecureRandom random = new SecureRandom();

    public OidcHttpAdapter(OidcEngine engine) {
        this.engine = engine;
        this.config = engine.config();
        this.publicPaths = new PathPatterns(config.publicPaths());
        this.classifier = new RequestClassifier(new PathPatterns(config.apiPaths()));
        this.urls = new AppUrls(config);
        this.renewal = new SessionRenewal(engine, sessions);
        this.logoutConfirmation = new LogoutConfirmation(urls);
    }

    public OidcEngine engine() {
        return engine;
    }

    /** What a request is for, from the filter's point of view. */
    public enum Route { CALLBACK, LOGOUT, BACKCHANNEL_LOGOUT, PUBLIC, PROTECTED }

    public Route route(HttpServletRequest request) {
        // Compared part by part: routing every request of the application must not build a string.
        String tail = request.getPathInfo();
        String head = RequestPath.head(request.getServletPath(), tail);
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
     * The stored login if it authenticates this request, else null. The hot path is a session lookup and one
     * comparison; only a login within {@code refresh-margin} of expiry (or ended by a back-channel logout) goes
     * further: it is refreshed (once per session at a time), kept while its access token is valid, or dropped.
     */
    public OidcSession activeSession(HttpServletRequest request) {
        OidcSession session = sessions.find(request);
        if (session == null) {
            return null;
        }
        return engine.isActive(session) ? session : renewal.renew(request, session);
    }

    /**
     * An anonymous request to a protected path: 401 for API calls, a login redirect for browser navigations
     * (a re-authentication with {@code id_token_hint} when the login expired without a refresh token), and 503
     * when the login could not be renewed because the provider is unreachable.
     */
    public void challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = AppUrls.path(request);
        Object note = request.getAttribute(SessionRenewal.NOTE);
        if (SessionRenewal.PROVIDER_UNAVAILABLE.equals(note)) {
            errorPages.send(response, new ErrorPages.Problem(503, "Login is unavailable", "Your login has expired "
                    + "and the identity provider is not reachable right now to renew it. Please try again in a moment.",
                    null, null, true), classifier.wantsJson(request, path), AppUrls.root(request));
            return;
        }
        if (classifier.isApiRequest(request, path)) {
            response.setHeader("WWW-Authenticate", "OIDC realm=\"" + config.clientId().replace("\"", "")
                    + "\", login=\"" + urls.base(request) + "/\"");
            errorPages.send(response, new ErrorPages.Problem(401, "Login required",
                    "This resource needs a logged-in user; log in through the application's pages first.",
                    null, null, false), true, AppUrls.root(request));
            return;
        }
        String returnTo = ReturnUrls.sameOrigin(AppUrls.requestedUrl(request), AppUrls.root(request));
        PendingLogins pending = sessions.pendingLoginsForNewLogin(request);
        LoginResult result = note instanceof OidcSession expired
                ? engine.startReauthentication(urls.redirectUri(request), returnTo, pending, expired)
                : engine.startLogin(urls.redirectUri(request), returnTo, pending);
        sessions.savePendingLogins(request, pending);
        answer(request, response, result);
    }

    /** The redirection endpoint: completes a login or explains why it failed. */
    public void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, Arrays.asList(values)));
        PendingLogins pending = sessions.pendingLogins(request);
        LoginResult result = engine.completeLogin(params, pending);
        if (result instanceof LoginResult.Failed) {
            sessions.discardIfEmpty(request, System.currentTimeMillis());
        } else {
            sessions.savePendingLogins(request, pending);
        }
        answer(request, response, result);
    }

    /**
     * RP-initiated logout (OpenID RP-Initiated Logout 1.0): ends the local session, revokes its tokens in the
     * background (RFC 7009) and sends the browser to the provider's end-session endpoint, or back to the
     * application. A request another site triggered gets a confirmation page instead (see
     * {@link LogoutConfirmation}).
     */
    public void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (sessions.find(request) != null && !logoutConfirmation.isIntended(request)) {
            logoutConfirmation.ask(request, response, request.getContextPath() + config.logoutPath());
            return;
        }
        OidcSession ended = sessions.invalidate(request);
        engine.revokeTokens(ended);
        URI location = engine.logoutLocation(ended, urls.postLogoutRedirectUri(request), randomState());
        redirect(response, location.toString());
    }

    /**
     * Back-channel logout (OpenID Back-Channel Logout 1.0 §2.5–2.8): the provider POSTs a {@code logout_token};
     * every login of its {@code sid} (or {@code sub}) stops authenticating at once. 200 on success, 400 with a
     * JSON {@code error} otherwise, never cached.
     */
    public void backchannelLogout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BackchannelLogoutResult result;
        if (!"POST".equals(request.getMethod())) {
            result = new BackchannelLogoutResult(405, "invalid_request", "back-channel logout takes POST (§2.5)");
            response.setHeader("Allow", "POST");
        } else {
            String[] tokens = request.getParameterValues("logout_token");
            result = engine.backchannelLogout(tokens == null ? List.of() : Arrays.asList(tokens));
        }
        response.setStatus(result.status());
        // §2.8: "The response SHOULD include Cache-Control: no-store".
        response.setHeader("Cache-Control", "no-store");
        if (result.error() != null) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            ObjectNode body = JSON.createObjectNode();
            body.put("error", result.error());
            body.put("error_description", result.errorDescription());
            response.getWriter().write(JSON.writeValueAsString(body));
        }
    }

    /** The OpenID RP-Initiated Logout 1.0 {@code state}: opaque, passed back to the post-logout page. */
    private String randomState() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, LoginResult result) throws IOException {
        if (result instanceof LoginResult.Redirect redirect) {
            redirect(response, redirect.location().toString());
        } else if (result instanceof LoginResult.LoggedIn loggedIn) {
            OidcSession previous = sessions.find(request);
            sessions.storeLogin(request, loggedIn.session(), previous != null && engine.isEnded(previous));
            redirect(response, loggedIn.returnTo());
        } else if (result instanceof LoginResult.Failed failed) {
            errorPages.send(response, new ErrorPages.Problem(failed.status(),
                    failed.status() >= 500 ? "Login is unavailable" : "Login failed", failed.userMessage(),
                    failed.providerError(), failed.providerErrorDescription(), failed.retryable()),
                    classifier.wantsJson(request, AppUrls.path(request)), AppUrls.root(request));
        }
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }
}
