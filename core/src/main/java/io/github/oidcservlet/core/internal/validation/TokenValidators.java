package io.github.oidcservlet.core.internal.validation;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.OidcProvider;

import java.time.Clock;
import java.time.Duration;

/**
 * The ID-token and logout-token validators of one provider, made at first use: they need the provider's metadata,
 * which a provider that is down at start-up cannot give yet. Thread-safe.
 */
public final class TokenValidators {

    private final OidcConfig config;
    private final OidcProvider provider;
    private final Clock clock;
    private final Duration logoutTokenMaxAge;
    private volatile IdTokenValidator idTokens;
    private volatile LogoutTokenValidator logoutTokens;

    /**
     * @param logoutTokenMaxAge the oldest logout token accepted (see {@link LogoutTokenValidator})
     */
    public TokenValidators(OidcConfig config, OidcProvider provider, Clock clock, Duration logoutTokenMaxAge) {
        this.config = config;
        this.provider = provider;
        this.clock = clock;
        this.logoutTokenMaxAge = logoutTokenMaxAge;
    }

    /** @return the ID token validator; fetches the metadata when not known yet */
    public IdTokenValidator idTokens() {
        IdTokenValidator known = idTokens;
        if (known == null) {
            known = new IdTokenValidator(config, provider.metadata(), provider::jwkSource, clock);
            idTokens = known;
        }
        return known;
    }

    /** @return the logout token validator; fetches the metadata when not known yet */
    public LogoutTokenValidator logoutTokens() {
        LogoutTokenValidator known = logoutTokens;
        if (known == null) {
            known = new LogoutTokenValidator(config, provider.metadata(), provider::jwkSource, clock,
                    logoutTokenMaxAge);
            logoutTokens = known;
        }
        return known;
    }
}
