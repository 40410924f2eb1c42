package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.login.LoginResult;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.internal.login.ReturnUrls;
import io.github.oidcservlet.core.web.HttpBinding;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.web.Renewal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An anonymous request that needs a login: 401 for API calls (with every registration's login URL in the
 * challenge), a redirect to the chosen provider for browser navigations, or the chooser when there are several
 * and nothing picks one; and the login path, which starts a login with the registration {@code ?provider=} names
 * and returns to the same-origin {@code return} URL.
 *
 * @param <Q> the container's request type
 * @param <R> the container's response type
 */
public final class LoginChallenge<Q, R> {

    /** The login path's parameter naming the page to come back to (same origin only). */
    public static final String RETURN_PARAMETER = "return";

    private final HttpBinding<Q, R> http;
    private final EngineSet engines;
    private final SessionStore<Q> sessions;
    private final AppUrls<Q> urls;
    private final RequestClassifier<Q> classifier;
    private final ProviderChoice<Q> choice;
    private final WebAnswers<Q, R> answers;

    public LoginChallenge(HttpBinding<Q, R> http, EngineSet engines, SessionStore<Q> sessions, AppUrls<Q> urls,
                          RequestClassifier<Q> classifier, ProviderChoice<Q> choice, WebAnswers<Q, R> answers) {
        this.http = http;
        this.engines = engines;
        this.sessions = sessions;
        this.urls = urls;
        this.classifier = classifier;
        this.choice = choice;
        this.answers = answers;
    }

    /** See {@code OidcWebAdapter.challenge}. */
    public void challenge(Q request, R response, Renewal renewal) throws IOException {
        String path = urls.path(request);
        if (renewal instanceof Renewal.Unavailable) {
            ErrorPages.send(http, response, new ErrorPages.Problem(503, "Login is unavailable", "Your login has "
                    + "expired and the identity provider is not reachable right now to renew it. Please try again in "
                    + "a moment.", null, null, true), classifier.isApiRequest(request, path), urls.root(request));
        } else if (classifier.isApiRequest(request, path)) {
            http.header(response, "WWW-Authenticate", wwwAuthenticate(request));
            ErrorPages.send(http, response, new ErrorPages.Problem(401, "Login required",
                    "This resource needs a logged-in user; log in through the application's pages first.",
                    null, null, false), true, urls.root(request));
        } else {
            String returnTo = ReturnUrls.sameOrigin(urls.requestedUrl(request), urls.root(request));
            OidcLogin expired = renewal instanceof Renewal.Reauthenticate reauthenticate ? reauthenticate.expired() : null;
            // an expired login is renewed at its own provider; otherwise the request, the rules or the user choose
            OidcEngine engine = expired != null ? engines.of(expired) : choice.choose(request);
            if (engine == null) {
                chooser(request, response, 200, null, returnTo);
            } else {
                start(request, response, engine, returnTo, expired);
            }
        }
    }

    /** The login path: a login with the registration {@code ?provider=} names (or the rules pick), else the chooser. */
    public void login(Q request, R response) throws IOException {
        String returnTo = ReturnUrls.sameOrigin(choice.queryParameter(request, RETURN_PARAMETER), urls.root(request));
        String requested = choice.requested(request);
        OidcEngine engine = requested != null && engines.several() ? engines.named(requested) : choice.choose(request);
        if (engine == null) {
            chooser(request, response, requested == null ? 200 : 400, requested == null ? null
                    : "There is no identity provider named '" + requested + "' here.", returnTo);
        } else {
            start(request, response, engine, returnTo, null);
        }
    }

    private void start(Q request, R response, OidcEngine engine, String returnTo, OidcLogin expired)
            throws IOException {
        PendingLogins pending = sessions.pendingLoginsForNewLogin(request);
        String redirectUri = urls.redirectUri(request, engine.config());
        LoginResult result = expired != null
                ? engine.startReauthentication(redirectUri, returnTo, pending, expired)
                : engine.startLogin(redirectUri, returnTo, pending);
        sessions.savePendingLogins(request, pending);
        answers.answer(request, response, result);
    }

    private void chooser(Q request, R response, int status, String notice, String returnTo) throws IOException {
        ChooserPage.send(http, response, status, engines.configs(),
                name -> loginUrl(http.contextPath(request), name) + "&" + RETURN_PARAMETER + "=" + encode(returnTo),
                notice, urls.root(request));
    }

    /**
     * RFC 9110 §11.6.1: the challenge. One registration: its realm and the application root to log in from, as
     * always. Several: one challenge per registration, each with the login URL that goes straight to it.
     */
    private String wwwAuthenticate(Q request) {
        if (!engines.several()) {
            return "OIDC realm=\"" + engines.first().config().clientId().replace("\"", "") + "\", login=\""
                    + urls.base(request) + "/\"";
        }
        List<String> challenges = new ArrayList<>();
        String base = urls.base(request);
        for (OidcConfig config : engines.configs()) {
            challenges.add("OIDC realm=\"" + config.clientId().replace("\"", "") + "\", provider=\""
                    + config.registration() + "\", login=\"" + base + config.loginPath().replace("\"", "")
                    + "?provider=" + config.registration() + "\"");
        }
        return String.join(", ", challenges);
    }

    private String loginUrl(String contextPath, String registration) {
        return contextPath + engines.first().config().loginPath() + "?" + ProviderChoice.PARAMETER + "="
                + encode(registration);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
