package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.RandomTokens;
import io.github.oidcservlet.core.web.OidcEngine;

import java.net.URI;

/**
 * The end of an intended logout: the HTTP session ends, the login's tokens are revoked in the background (RFC 7009)
 * and the browser goes to the end-session endpoint of the provider the login was made with (OpenID RP-Initiated
 * Logout 1.0), or straight back to the application.
 *
 * @param <Q> the container's request type
 * @param <R> the container's response type
 */
public final class LocalLogout<Q, R> {

    private final SessionStore<Q> sessions;
    private final EngineSet engines;
    private final AppUrls<Q> urls;
    private final WebAnswers<Q, R> answers;

    public LocalLogout(SessionStore<Q> sessions, EngineSet engines, AppUrls<Q> urls, WebAnswers<Q, R> answers) {
        this.sessions = sessions;
        this.engines = engines;
        this.urls = urls;
        this.answers = answers;
    }

    /** Ends the session and answers with the redirect. */
    public void end(Q request, R response) {
        OidcLogin ended = sessions.invalidate(request);
        // the provider of the login's own registration ends its session and revokes its tokens
        OidcEngine engine = ended == null ? engines.first() : engines.of(ended);
        String back = urls.postLogoutRedirectUri(request);
        if (engine != null) {
            engine.revokeTokens(ended);
        }
        // RP-Initiated Logout 1.0 §2: state is opaque to the provider, passed back to the post-logout page
        URI location = engine == null ? URI.create(back) : engine.logoutLocation(ended, back, RandomTokens.of(16));
        answers.redirect(response, location.toString());
    }
}
