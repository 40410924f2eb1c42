package io.github.oidcservlet.core.internal.token;

import io.github.oidcservlet.core.OidcConfig;

import java.time.Clock;

/** Picks the {@link ClientAuthentication} that {@code client-auth-method} names. */
public final class ClientAuthentications {

    private ClientAuthentications() {
    }

    /** With the system clock. */
    public static ClientAuthentication from(OidcConfig config) {
        return from(config, Clock.systemUTC());
    }

    /** {@link OidcConfig} has already checked that the method's secret or key is there and usable. */
    public static ClientAuthentication from(OidcConfig config, Clock clock) {
        String audience = config.clientAssertionAudience().orElse(null);
        return switch (config.clientAuthMethod()) {
            case CLIENT_SECRET_BASIC -> new ClientSecretBasic(config.clientId(), config.clientSecret().orElseThrow());
            case CLIENT_SECRET_POST -> new ClientSecretPost(config.clientId(), config.clientSecret().orElseThrow());
            case CLIENT_SECRET_JWT -> new ClientSecretJwt(config.clientId(), config.clientSecret().orElseThrow(),
                    audience, clock);
            case PRIVATE_KEY_JWT -> new PrivateKeyJwt(config.clientId(), config.clientSigningKey().orElseThrow(),
                    audience, clock);
            case NONE -> new NoClientAuthentication(config.clientId());
        };
    }
}
