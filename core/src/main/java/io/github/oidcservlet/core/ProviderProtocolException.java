package io.github.oidcservlet.core;

/**
 * The provider answered, but not as the specifications require (bad JSON, a missing field, an issuer that does
 * not match): a 502 for the user, a clear message for the operator. Never carries a token or a secret.
 */
public final class ProviderProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderProtocolException(String message) {
        super(message);
    }

    public ProviderProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
