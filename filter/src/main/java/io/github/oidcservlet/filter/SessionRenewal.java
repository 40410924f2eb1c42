package io.github.oidcservlet.filter;

import io.github.oidcservlet.core.OidcEngine;
import io.github.oidcservlet.core.session.OidcSession;
import io.github.oidcservlet.core.session.RefreshOutcome;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What happens to a login that is not simply active: ended by a back-channel logout, due for a refresh, or
 * expired. Reached only when the hot path's comparison fails. Leaves a note on the request for
 * {@link OidcHttpAdapter#challenge} when the answer must be a 503 or a re-authentication.
 */
final class SessionRenewal {

    /** Request attribute: {@link #PROVIDER_UNAVAILABLE}, or the expired {@link OidcSession} to re-authenticate. */
    static final String NOTE = SessionRenewal.class.getName() + ".note";
    static final String PROVIDER_UNAVAILABLE = "provider-unavailable";

    private final OidcEngine engine;
    private final SessionStore sessions;

    SessionRenewal(OidcEngine engine, SessionStore sessions) {
        this.engine = engine;
        this.sessions = sessions;
    }

    /** The login to authenticate this request with after renewal, or null. */
    OidcSession renew(HttpServletRequest request, OidcSession session) {
        if (engine.isEnded(session)) {
            // Back-Channel Logout §2.7: the provider ended this login; "the RP MUST destroy the RP session", so the
            // whole HTTP session ends here, at its first request since. Only now do we hold the login's refresh
            // token (the logout request came without the session), so its revocation starts here too.
            if (sessions.endSession(request, session)) {
                engine.revokeEndedLogin(session);
            }
            return null;
        }
        RefreshOutcome outcome = engine.refresh(session);
        if (outcome instanceof RefreshOutcome.Refreshed refreshed) {
            sessions.replaceLogin(request, session, refreshed.session());
            return refreshed.session();
        }
        if (outcome instanceof RefreshOutcome.Ended) {
            // invalid_grant or another definitive refusal: the login is over; the challenge starts a new one, in
            // an empty session.
            sessions.removeLogin(request, session);
            return null;
        }
        if (engine.isValid(session)) {
            // provider down, or nothing to refresh with: the access token still serves until it expires
            return session;
        }
        request.setAttribute(NOTE, outcome instanceof RefreshOutcome.Unavailable ? PROVIDER_UNAVAILABLE : session);
        return null;
    }
}
