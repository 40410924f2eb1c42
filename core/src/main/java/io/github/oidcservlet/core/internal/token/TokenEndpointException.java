package io.github.oidcservlet.core.internal.token;

/**
 * The token endpoint refused the request with an RFC 6749 §5.2 error. Carries the provider's words
 * ({@code error}, {@code error_description}) and the HTTP status; never a token, code or secret.
 */
public class TokenEndpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String errorDescription;

    public TokenEndpointException(int status, String error, String errorDescription) {
        this("token endpoint", status, error, errorDescription);
    }

    /**
     * An RFC 6749 §5.2 error from another endpoint that answers in that format.
     *
     * @param endpoint the endpoint's name for the message, e.g. {@code pushed authorization request endpoint}
     */
    protected TokenEndpointException(String endpoint, int status, String error, String errorDescription) {
        super("The " + endpoint + " answered HTTP " + status + " " + error
                + (errorDescription == null ? "" : ": " + errorDescription));
        this.status = status;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    public int status() { return status; }
    public String error() { return error; }
    public String errorDescription() { return errorDescription; }

    /** RFC 6749 §5.2 {@code invalid_grant}: the code or refresh token is no good any more. */
    public boolean isInvalidGrant() {
        return "invalid_grant".equals(error);
    }
}
