package io.github.oidcservlet.core.internal.provider;

/**
 * The provider could not be reached in time, or answered with a server error: the user should retry later
 * (503 with {@code Retry-After}). The message names the endpoint, never a token or a secret.
 */
public final class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
