package io.github.oidcservlet.testkit;

/** The outcome of client authentication at the token or revocation endpoint. */
sealed interface ClientAuthResult {

    record Authenticated(RegisteredClient client, String method) implements ClientAuthResult {
    }

    /**
     * @param basicChallenge whether to answer with {@code WWW-Authenticate: Basic} (RFC 6749 §5.2: required when
     *                       the client tried the Authorization header)
     */
    record Failed(int status, String error, String description, boolean basicChallenge) implements ClientAuthResult {

        static Failed invalidClient(String description, boolean basicChallenge) {
            return new Failed(401, "invalid_client", description, basicChallenge);
        }
    }
}
