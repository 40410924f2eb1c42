package io.github.oidcservlet.core.store;

import io.github.oidcservlet.core.OidcLogin;

/** What became of a session whose access token is about to expire; the adapter turns it into a response. */
public sealed interface RefreshOutcome {

    /** The refresh worked: store {@code session} in place of the old one and carry on. */
    record Refreshed(OidcLogin session) implements RefreshOutcome {
    }

    /**
     * The provider refused for good ({@code invalid_grant}, another client error, a refreshed ID token that fails
     * validation or names another {@code sub}): the login is over. {@code logDetail} never holds a token.
     */
    record Ended(String logDetail) implements RefreshOutcome {
    }

    /**
     * The provider could not be asked (down, 5xx, timeout, nonsense): keep the old session while its access
     * token is still valid, answer 503 once it is not.
     */
    record Unavailable(String logDetail) implements RefreshOutcome {
    }

    /**
     * Another request of this session is refreshing it right now, and this request's access token is still valid:
     * carry on with the old session instead of waiting. (Requests whose token has expired wait for the result.)
     */
    record InProgress() implements RefreshOutcome {
        /** The one instance: the outcome carries no value. */
        public static final InProgress INSTANCE = new InProgress();
    }

    /** There is no refresh token: once the access token expires, the user must re-authenticate. */
    record NotRefreshable() implements RefreshOutcome {
    }
}
