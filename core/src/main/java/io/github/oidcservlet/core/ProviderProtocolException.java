package io.github.oidcservlet.core;

/**
 * The provider answered, but not as the specifications require (bad JSON, a missing field, an issuer that does
 * not match): a 502 for the user, a clear message for the operator. Never carries a token or a secret.
 *
 * @serial exclude
 */
public final class ProviderProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A provider answer that breaks the specifications.
     *
     * @param message what was wrong, for the operator's log; no token, no secret
     */
    public ProviderProtocolException(String message) {
        super(message);
    }

    /**
     * A provider answer that breaks the specifications, found through {@code cause}.
     *
     * @param message what was wrong, for the operator's log; no token, no secret
     * @param cause   the parse or validation failure
     */
    public ProviderProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
