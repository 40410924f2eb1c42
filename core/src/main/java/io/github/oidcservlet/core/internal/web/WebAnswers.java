package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.login.LoginResult;
import io.github.oidcservlet.core.web.HttpBinding;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The answers the web layer writes for a login step: a redirect, a stored login and its redirect, or an error page
 * (HTML for browsers, JSON for API calls); and the 400 for parameters the container cannot parse.
 *
 * @param <Q> the container's request type
 * @param <R> the container's response type
 */
public final class WebAnswers<Q, R> {

    private final HttpBinding<Q, R> http;
    private final SessionStore<Q> sessions;
    private final EngineSet engines;
    private final RequestClassifier<Q> classifier;
    private final AppUrls<Q> urls;

    public WebAnswers(HttpBinding<Q, R> http, SessionStore<Q> sessions, EngineSet engines,
                      RequestClassifier<Q> classifier, AppUrls<Q> urls) {
        this.http = http;
        this.sessions = sessions;
        this.engines = engines;
        this.classifier = classifier;
        this.urls = urls;
    }

    /** The parameters, or null after answering 400 when the container refuses to parse them. */
    public Map<String, List<String>> parameters(Q request, R response) throws IOException {
        Map<String, List<String>> params = readableParameters(request);
        if (params == null) {
            badRequest(request, response);
        }
        return params;
    }

    /** The parameters, or null when the container refuses to parse them. */
    public Map<String, List<String>> readableParameters(Q request) {
        try {
            return http.parameters(request);
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    /** RFC 9110 §15.5.1: a request the server cannot process because of a client error is a 400, never a 500. */
    public void badRequest(Q request, R response) throws IOException {
        problem(request, response, new ErrorPages.Problem(400, "Bad request", "The request could not be read: "
                + "its parameters are not correctly encoded.", null, null, false));
    }

    /** An error page, HTML or JSON as the request is a navigation or an API call. */
    public void problem(Q request, R response, ErrorPages.Problem problem) throws IOException {
        ErrorPages.send(http, response, problem, classifier.isApiRequest(request, urls.path(request)),
                urls.root(request));
    }

    /** Writes a login step's result: its redirect, the new login (then its return URL), or why it failed. */
    public void answer(Q request, R response, LoginResult result) throws IOException {
        if (result instanceof LoginResult.Redirect redirect) {
            redirect(response, redirect.location().toString());
        } else if (result instanceof LoginResult.LoggedIn loggedIn) {
            OidcLogin previous = sessions.find(request);
            sessions.storeLogin(request, loggedIn.session(), previous != null && engines.isEnded(previous));
            redirect(response, loggedIn.returnTo());
        } else if (result instanceof LoginResult.Failed failed) {
            problem(request, response, new ErrorPages.Problem(failed.status(),
                    failed.status() >= 500 ? "Login is unavailable" : "Login failed", failed.userMessage(),
                    failed.providerError(), failed.providerErrorDescription(), failed.retryable()));
        }
    }

    /** A 302 that no cache keeps. */
    public void redirect(R response, String location) {
        http.header(response, "Cache-Control", "no-store");
        http.status(response, 302);
        http.header(response, "Location", location);
    }
}
