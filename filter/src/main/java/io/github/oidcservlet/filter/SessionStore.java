package io.github.oidcservlet.filter;

import io.github.oidcservlet.core.login.PendingLogins;
import io.github.oidcservlet.core.session.OidcSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Keeps the engine's per-user values in the {@link HttpSession}. */
public final class SessionStore {

    /** Session attribute holding the {@link OidcSession}. */
    public static final String SESSION_ATTRIBUTE = "io.github.oidcservlet.session";
    /** Session attribute holding the {@link PendingLogins}. */
    public static final String PENDING_ATTRIBUTE = "io.github.oidcservlet.pending";
    /** Session attribute marking that the session's login was ended (refused refresh): the next login starts empty. */
    static final String ENDED_ATTRIBUTE = "io.github.oidcservlet.ended";

    /** The stored login, or null; never creates a session. */
    public OidcSession find(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (OidcSession) session.getAttribute(SESSION_ATTRIBUTE);
    }

    /** The pending logins of an existing session, or null. */
    public PendingLogins pendingLogins(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (PendingLogins) session.getAttribute(PENDING_ATTRIBUTE);
    }

    /** The pending logins, creating the session and the map when needed. */
    public PendingLogins pendingLoginsForNewLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        // Containers hand concurrent requests of one session the same session object: two tabs starting a
        // login at once must not each create a map and lose the other's entry.
        synchronized (session) {
            PendingLogins pending = (PendingLogins) session.getAttribute(PENDING_ATTRIBUTE);
            if (pending == null) {
                pending = new PendingLogins();
                session.setAttribute(PENDING_ATTRIBUTE, pending);
            }
            return pending;
        }
    }

    /**
     * Stores the pending logins again after they changed, so that containers which persist or replicate
     * sessions only on {@code setAttribute} see the change.
     */
    public void savePendingLogins(HttpServletRequest request, PendingLogins pending) {
        HttpSession session = request.getSession(false);
        if (session != null && pending != null) {
            try {
                session.setAttribute(PENDING_ATTRIBUTE, pending);
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
    public void storeLogin(HttpServletRequest request, OidcSession login, boolean previousEnded) {
        HttpSession session = request.getSession(true);
        OidcSession previous = (OidcSession) session.getAttribute(SESSION_ATTRIBUTE);
        boolean newUser = previousEnded || session.getAttribute(ENDED_ATTRIBUTE) != null
                || previous != null && !previous.isSameUser(login);
        if (newUser) {
            Object pending = session.getAttribute(PENDING_ATTRIBUTE);
            session.invalidate();
            session = request.getSession(true);
            if (pending != null) {
                session.setAttribute(PENDING_ATTRIBUTE, pending);
            }
        } else {
            request.changeSessionId();
        }
        session.setAttribute(SESSION_ATTRIBUTE, login);
    }

    /**
     * Puts a refreshed login in place of {@code old}, unless another request of the session has stored something
     * else meanwhile (the same refreshed login, or a new login).
     */
    public void replaceLogin(HttpServletRequest request, OidcSession old, OidcSession refreshed) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            synchronized (session) {
                if (session.getAttribute(SESSION_ATTRIBUTE) == old) {
                    session.setAttribute(SESSION_ATTRIBUTE, refreshed);
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
    public void removeLogin(HttpServletRequest request, OidcSession ended) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            synchronized (session) {
                if (session.getAttribute(SESSION_ATTRIBUTE) == ended) {
                    session.removeAttribute(SESSION_ATTRIBUTE);
                    session.setAttribute(ENDED_ATTRIBUTE, Boolean.TRUE);
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
    public boolean endSession(HttpServletRequest request, OidcSession ended) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        try {
            synchronized (session) {
                if (session.getAttribute(SESSION_ATTRIBUTE) != ended) {
                    return false;
                }
                session.invalidate();
                return true;
            }
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    /** Ends the HTTP session; returns the login it held, or null. */
    public OidcSession invalidate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        OidcSession login = (OidcSession) session.getAttribute(SESSION_ATTRIBUTE);
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // invalidated concurrently: the outcome is the same
        }
        return login;
    }

    /**
     * After a failed callback: a session that only existed for logins and has none pending any more is
     * dropped, so a failed login leaves nothing behind. A session with a valid earlier login is kept: a forged
     * callback must not log the user out.
     */
    public void discardIfEmpty(HttpServletRequest request, long nowMillis) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(SESSION_ATTRIBUTE) != null) {
            return;
        }
        PendingLogins pending = (PendingLogins) session.getAttribute(PENDING_ATTRIBUTE);
        if (pending != null && !pending.isEmpty(nowMillis)) {
            return;
        }
        try {
            boolean onlyOurs = java.util.Collections.list(session.getAttributeNames()).stream()
                    .allMatch(name -> PENDING_ATTRIBUTE.equals(name) || ENDED_ATTRIBUTE.equals(name));
            if (onlyOurs) {
                session.invalidate();
            } else {
                // the application keeps its own session (a cart, a preference); only our leftovers go (the ended
                // marker stays: the next login must still start from an empty session)
                session.removeAttribute(PENDING_ATTRIBUTE);
            }
        } catch (IllegalStateException alreadyInvalid) {
            // nothing left to discard
        }
    }
}
