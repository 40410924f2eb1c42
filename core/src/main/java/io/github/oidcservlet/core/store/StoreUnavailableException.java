package io.github.oidcservlet.core.store;

/**
 * A shared store cannot be reached right now (its database is down, a connection broke): what it was asked to
 * record was not recorded. Thrown by {@link EndedLogins#end} and {@link JtiReplayCache#firstSighting}; a
 * back-channel logout then answers 503 so that the provider retries (OpenID Back-Channel Logout 1.0 §2.8), instead
 * of 200 for a logout nobody recorded.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be done, without any token or secret
     * @param cause   the store's own failure
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
