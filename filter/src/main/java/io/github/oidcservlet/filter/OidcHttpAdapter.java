package io.github.oidcservlet.filter;

import io.github.oidcservlet.core.OidcEngine;
import io.github.oidcservlet.core.config.OidcConfig;
import io.github.oidcservlet.core.login.LoginResult;
import io.github.oidcservlet.core.login.PendingLogins;
import io.github.oidcservlet.core.login.ReturnUrls;
import io.github.oidcservlet.core.session.OidcSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servlet side of the engine, shared by the filter and the Jakarta Security mechanism: finds the logged-in
 * user, challenges anonymous requests, completes callbacks and logs out. Thread-safe.
 */
public final class OidcHttpAdapter {

    private final OidcEngine engine;
    private final OidcConfig config;
    private final SessionStore sessions = new SessionStore();
    private final ErrorPages errorPages = new ErrorPages();
    private final PathPatterns publicPaths;
    private final RequestClassifier classifier;
    private final AppUrls urls;

    public OidcHttpAdapter(OidcEngine engine) {
        this.engine = engine;
        this.config = engine.config();
        this.publicPaths = new PathPatterns(config.publicPaths());
        this.classifier = new RequestClassifier(new PathPatterns(config.apiPaths()));
        this.urls = new AppUrls(config);
    }

    public OidcEngine engine() {
        return engine;
    }

    /** What a request is for, from the filter's point of view. */
    public enum Route { CALLBACK, LOGOUT, BACKCHANNEL_LOGOUT, PUBLIC, PROTECTED }

    public Route route(HttpServletRequest request) {
        String path = AppUrls.path(request);
        if (path.equals(config.redirectPath())) {
            return Route.CALLBACK;
        }
        if (path.equals(config.logoutPath())) {
            return Route.LOGOUT;
        }
        if (path.equals(config.backchannelLogoutPath())) {
            return Route.BACKCHANNEL_LOGOUT;
        }
        return publicPaths.matches(path) ? Route.PUBLIC : Route.PROTECTED;
    }

    /**
     * The hot path: the stored login if it is still active, else null. A session lookup and one comparison.
     */
    public OidcSession activeSession(HttpServletRequest request) {
        OidcSession session = sessions.find(request);
        return session != null && engine.isActive(session) ? session : null;
    }

    /** An anonymous request to a protected path: 401 for API calls, a login redirect for browser navigations. */
    public void challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = AppUrls.path(request);
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
        LoginResult result = engine.startLogin(urls.redirectUri(request), returnTo, pending);
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

    /** Ends the local session and sends the browser to the provider's logout, or back to the application. */
    public void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSession ended = sessions.invalidate(request);
        URI location = engine.logoutLocation(ended, urls.postLogoutRedirectUri(request));
        redirect(response, location.toString());
    }

    /**
     * Back-channel logout (OpenID Back-Channel Logout 1.0) is not implemented yet: the provider gets a clear
     * machine-readable refusal instead of a login redirect, so it can report the failure (§2.8 asks for an error
     * status on failure).
     */
    public void backchannelLogout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_IMPLEMENTED);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"unsupported\",\"error_description\":"
                + "\"back-channel logout is not supported by this version of oidc-servlet\"}");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, LoginResult result) throws IOException {
        if (result instanceof LoginResult.Redirect redirect) {
            redirect(response, redirect.location().toString());
        } else if (result instanceof LoginResult.LoggedIn loggedIn) {
            sessions.storeLogin(request, loggedIn.session());
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
