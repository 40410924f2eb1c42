package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.HttpBinding;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.OidcLogin;

/**
 * Keeps the engine's per-user values (the login, the pending logins, the ended marker) as attributes of the
 * container's HTTP session.
 *
 * @param <Q> the container's request type
 */
public final class SessionStore<Q> {

    /** Session attribute holding the {@link OidcLogin}. */
    public static final String SESSION_ATTRIBUTE = "io.github.oidcservlet.session";
    /** Session attribute holding the {@link PendingLogins}. */
    public static final String PENDING_ATTRIBUTE = "io.github.oidcservlet.pending";
    /** Session attribute marking that the session's login was ended (refused refresh): the next login starts empty. */
    static final String ENDED_ATTRIBUTE = "io.github.oidcservlet.ended";

    private final HttpBinding<Q, ?> http;

    /**
     * @param http the front door's binding
     */
    public SessionStore(HttpBinding<Q, ?> http) {
        this.http = http;
    }

    /**
     * @param request the request
     * @return the stored login, or null; never creates a session
     */
    public OidcLogin find(Q request) {
        return (OidcLogin) http.sessionAttribute(request, SESSION_ATTRIBUTE);
    }

    /**
     * Forgets the stored login ({@code HttpServletRequest.logout()}); the HTTP session and the application's
     * attributes stay.
     *
     * @param request the request
     */
    public void forget(Q request) {
        try {
            http.removeSessionAttribute(request, SESSION_ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            // nothing left to forget
        }
    }

    /** The pending logins of an existing session, or null. */
    public PendingLogins pendingLogins(Q request) {
        return (PendingLogins) http.sessionAttribute(request, PENDING_ATTRIBUTE);
    }

    /** The pending logins, creating the session and the map when needed. */
    public PendingLogins pendingLoginsForNewLogin(Q request) {
        Object session = http.session(request, true);
        // Containers hand concurrent requests of one session the same session object: two tabs starting a
        // login at once must not each create a map and lose the other's entry.
        synchronized (session) {
            PendingLogins pending = pendingLogins(request);
            if (pending == null) {
                pending = new PendingLogins();
                http.setSessionAttribute(request, PENDING_ATTRIBUTE, pending);
            }
            return pending;
        }
    }

    /**
     * Stores the pending logins again after they changed, so that containers which persist or replicate
     * sessions only on {@code setAttribute} see the change.
     */
    public void savePendingLogins(Q request, PendingLogins pending) {
        if (pending != null && http.session(request, false) != null) {
            try {
                http.setSessionAttribute(request, PENDING_ATTRIBUTE, pending);
            } catch (IllegalStateException invalidated) {
                // the session ended meanwhile: nothing to save
            }
        }
    }

    /**
     * Stores a completed login under a new session id (prevents session fixation, RFC 9700 §4.7 / OWASP). When the
     * login is another user's than the one the session held (OIDC Core §5.7: another {@code iss}+{@code sub}; the
     * name never decides), or the session's previous login was ended, it starts from an empty HTTP session, so the
     * new user never sees what the application kept for the previous one. The same user logging in again keeps
     * the application's attributes. Pending logins of other tabs are ours, not the application's: they are kept.
     *
     * @param previousEnded whether the login the session still holds was ended (back-channel logout)
     */
    public void storeLogin(Q request, OidcLogin login, boolean previousEnded) {
        http.session(request, true);
        OidcLogin previous = find(request);
        boolean newUser = previousEnded || http.sessionAttribute(request, ENDED_ATTRIBUTE) != null
                || previous != null && !previous.isSameUser(login);
        if (newUser) {
            Object pending = http.sessionAttribute(request, PENDING_ATTRIBUTE);
            http.invalidateSession(request);
            if (pending != null) {
                http.setSessionAttribute(request, PENDING_ATTRIBUTE, pending);
            }
        } else {
            http.changeSessionId(request);
        }
        http.setSessionAttribute(request, SESSION_ATTRIBUTE, login);
    }

    /**
     * Puts a refreshed login in place of {@code old}, unless another request of the session has stored something
     * else meanwhile (the same refreshed login, or a new login).
     */
    void replaceLogin(Q request, OidcLogin old, OidcLogin refreshed) {
        Object session = http.session(request, false);
        if (session == null) {
            return;
        }
        try {
            synchronized (session) {
                // the same login and tokens, whichever deserialized copy this request holds
                if (old.isSameLoginAs(find(request))) {
                    http.setSessionAttribute(request, SESSION_ATTRIBUTE, refreshed);
                }
            }
        } catch (IllegalStateException invalidated) {
            // logged out meanwhile: the refreshed login must not come back
        }
    }

    /**
     * Removes a login whose refresh was refused, keeping the application's session until the next login, which
     * then starts from an empty one (the marker left here says so).
     */
    void removeLogin(Q request, OidcLogin ended) {
        Object session = http.session(request, false);
        if (session == null) {
            return;
        }
        try {
            synchronized (session) {
                if (ended.isSameLoginAs(find(request))) {
                    http.removeSessionAttribute(request, SESSION_ATTRIBUTE);
                    http.setSessionAttribute(request, ENDED_ATTRIBUTE, Boolean.TRUE);
                }
            }
        } catch (IllegalStateException invalidated) {
            // already gone
        }
    }

    /**
     * Ends the whole HTTP session of a login the provider logged out (Back-Channel Logout 1.0 §2.7: "the RP MUST
     * destroy the RP session"), the application's attributes with it.
     *
     * @return true when this call ended it; false when the session no longer held {@code ended} (another request
     *         of the session was first, or a new login replaced it)
     */
    boolean endSession(Q request, OidcLogin ended) {
        Object session = http.session(request, false);
        if (session == null) {
            return false;
        }
        try {
            synchronized (session) {
                if (!ended.isSameLoginAs(find(request))) {
                    return false;
                }
                http.invalidateSession(request);
                return true;
            }
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    /** Ends the HTTP session; returns the login it held, or null. */
    public OidcLogin invalidate(Q request) {
        OidcLogin login;
        try {
            login = find(request);
            http.invalidateSession(request);
        } catch (IllegalStateException alreadyInvalid) {
            // invalidated concurrently: the outcome is the same
            return null;
        }
        return login;
    }

    /**
     * After a failed callback: a session that only existed for logins and has none pending any more is
     * dropped, so a failed login leaves nothing behind. A session with a valid earlier login is kept: a forged
     * callback must not log the user out.
     */
    public void discardIfEmpty(Q request, long nowMillis) {
        if (http.session(request, false) == null || find(request) != null) {
            return;
        }
        PendingLogins pending = pendingLogins(request);
        if (pending != null && !pending.isEmpty(nowMillis)) {
            return;
        }
        try {
            boolean onlyOurs = http.sessionAttributeNames(request).stream()
                    .allMatch(name -> PENDING_ATTRIBUTE.equals(name) || ENDED_ATTRIBUTE.equals(name));
            if (onlyOurs) {
                http.invalidateSession(request);
            } else {
                // the application keeps its own session (a cart, a preference); only our leftovers go (the ended
                // marker stays: the next login must still start from an empty session)
                http.removeSessionAttribute(request, PENDING_ATTRIBUTE);
            }
        } catch (IllegalStateException alreadyInvalid) {
            // nothing left to discard
        }
    }
}
