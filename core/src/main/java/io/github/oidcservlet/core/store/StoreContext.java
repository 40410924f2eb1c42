package io.github.oidcservlet.core.store;

import io.github.oidcservlet.core.OidcConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What a {@link StoreProvider} gets to make its stores.
 *
 * @param config        the engine's configuration: {@link OidcConfig#store()} holds the {@code store-*} settings,
 *                      {@link OidcConfig#registration()} names the registration whose logins are stored
 * @param clock         the engine's clock, the only time source
 * @param refreshWait   how long a request waits for a refresh of its login that another request (or node) runs
 * @param refreshLinger how long a finished refresh's outcome stays available to late requests of that login
 * @param jtiTtl        how long a logout token's {@code jti} must be remembered
 */
public record StoreContext(OidcConfig config, Clock clock, Duration refreshWait, Duration refreshLinger,
                           Duration jtiTtl) {

    /** @return the pass-through {@code store-*} settings by plain name ({@code store-jdbc-url}) */
    public Map<String, String> settings() {
        return config.store().values();
    }

    /**
     * How the user wrote a key, for error messages.
     *
     * @param plainKey e.g. {@code store-jdbc-url}
     * @return e.g. {@code environment variable OIDC_STORE_JDBC_URL}
     */
    public String describe(String plainKey) {
        return config.store().describe(plainKey);
    }
}
