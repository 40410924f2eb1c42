package io.github.oidcservlet.core.internal.login;

import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;
import io.github.oidcservlet.core.internal.token.TokenEndpointException;
import io.github.oidcservlet.core.internal.validation.TokenValidationException;

/** Turns what went wrong during a login into a {@link LoginResult.Failed} with words a user understands. */
public final class LoginFailures {

    static final String START_AGAIN = " Please start the login again.";

    private LoginFailures() {
    }

    /** Maps the engine's exceptions; anything else is a programming error and is rethrown. */
    public static LoginResult.Failed from(RuntimeException error) {
        if (error instanceof ProviderUnavailableException) {
            return new LoginResult.Failed(503, "The identity provider is not reachable right now. "
                    + "Please try again in a moment.", null, null, true, error.getMessage());
        }
        if (error instanceof ProviderProtocolException) {
            return new LoginResult.Failed(502, "The identity provider answered in a way this application cannot "
                    + "accept, so you were not logged in. Please contact the site's administrator if this persists.",
                    null, null, false, error.getMessage());
        }
        if (error instanceof PushedAuthorizationRequests.Refused refused) {
            // RFC 9126 §2.3: the provider refused the pushed request; a setup problem between it and this application.
            return new LoginResult.Failed(502, "The identity provider refused to start the login, so you cannot log "
                    + "in right now. Please contact the site's administrator if this persists.", refused.error(),
                    refused.errorDescription(), false, refused.getMessage());
        }
        if (error instanceof TokenEndpointException refused) {
            // invalid_grant: the code expired or was used already; anything else points at the client's setup.
            int status = refused.isInvalidGrant() ? 400 : 502;
            return new LoginResult.Failed(status, "The identity provider refused to complete the login."
                    + (refused.isInvalidGrant() ? START_AGAIN : ""), refused.error(), refused.errorDescription(),
                    false, refused.getMessage());
        }
        if (error instanceof TokenValidationException invalid) {
            return new LoginResult.Failed(401, "The identity provider's answer could not be verified, so you were "
                    + "not logged in." + START_AGAIN, null, null, false, invalid.getMessage());
        }
        throw error;
    }
}
