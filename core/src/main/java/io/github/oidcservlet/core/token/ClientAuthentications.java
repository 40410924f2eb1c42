package io.github.oidcservlet.core.token;

import io.github.oidcservlet.core.config.OidcConfig;

/** Picks the {@link ClientAuthentication} that {@code client-auth-method} names. */
public final class ClientAuthentications {

    private ClientAuthentications() {
    }

    public static ClientAuthentication from(OidcConfig config) {
        return switch (config.clientAuthMethod()) {
            case CLIENT_SECRET_BASIC -> new ClientSecretBasic(config.clientId(), config.clientSecret().orElseThrow());
            case CLIENT_SECRET_POST -> new ClientSecretPost(config.clientId(), config.clientSecret().orElseThrow());
            case NONE -> new NoClientAuthentication(config.clientId());
            // OidcConfig refuses these until they are implemented; this line is unreachable for a valid config.
            case CLIENT_SECRET_JWT, PRIVATE_KEY_JWT -> throw new IllegalStateException(
                    config.clientAuthMethod().registeredName() + " is not supported yet");
        };
    }
}
