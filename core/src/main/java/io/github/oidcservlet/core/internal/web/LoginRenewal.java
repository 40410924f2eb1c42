package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.Renewal;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshOutcome;

/**
 * What happens to a login that is not simply active: ended by a back-channel logout, due for a refresh, or
 * expired. Reached only when the hot path's comparison fails; its {@link Renewal} tells the challenge whether the
 * answer must be a 503 or a re-authentication.
 *
 * @param <Q> the container's request type
 */
public final class LoginRenewal<Q> {

    private final EngineSet engines;
    private final SessionStore<Q> sessions;

    public LoginRenewal(EngineSet engines, SessionStore<Q> sessions) {
        this.engines = engines;
        this.sessions = sessions;
    }

    /** What becomes of the stored login {@code session} (null: none) of this request. */
    public Renewal renew(Q request, OidcLogin session) {
        if (session == null) {
            return Renewal.ENDED;
        }
        // The login's own registration refreshes it; a login of a registration no longer configured is over.
        OidcEngine engine = engines.of(session);
        if (engine == null) {
            sessions.removeLogin(request, session);
            return Renewal.ENDED;
        }
        if (engine.isEnded(session)) {
            // Back-Channel Logout §2.7: the provider ended this login; "the RP MUST destroy the RP session", so the
            // whole HTTP session ends here, at its first request since. Only now do we hold the login's refresh
            // token (the logout request came without the session), so its revocation starts here too.
            if (sessions.endSession(request, session)) {
                engine.revokeEndedLogin(session);
            }
            return Renewal.ENDED;
        }
        RefreshOutcome outcome = engine.refresh(session);
        if (outcome instanceof RefreshOutcome.Refreshed refreshed) {
            sessions.replaceLogin(request, session, refreshed.session());
            return new Renewal.Active(refreshed.session());
        }
        if (outcome instanceof RefreshOutcome.Ended) {
            // invalid_grant or another definitive refusal: the login is over; the challenge starts a new one, in
            // an empty session.
            sessions.removeLogin(request, session);
            return Renewal.ENDED;
        }
        if (engine.isValid(session)) {
            // provider down, or nothing to refresh with: the access token still serves until it expires
            return new Renewal.Active(session);
        }
        return outcome instanceof RefreshOutcome.Unavailable ? Renewal.UNAVAILABLE : new Renewal.Reauthenticate(session);
    }
}
