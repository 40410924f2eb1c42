package io.github.oidcservlet.core.internal.config;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Pushed authorization requests (RFC 9126): when the login sends its authorization parameters to the provider's
 * PAR endpoint first (key {@code par}), and the endpoint for providers without discovery (key
 * {@code par-endpoint}; with discovery it overrides {@code pushed_authorization_request_endpoint}). Immutable.
 * (A class, not a record: JDK 17's javadoc fails on an enum nested in a record of an excluded package.)
 */
public final class ParPolicy {

    /** The values of the {@code par} key. */
    public enum Mode {
        /** Only when the provider says {@code require_pushed_authorization_requests} (the default). */
        AUTO,
        /** At every login; the provider must have a PAR endpoint, or start-up fails naming {@code par}. */
        ALWAYS,
        /** Never: the parameters travel in the authorization request's query, as before RFC 9126. */
        NEVER
    }

    private final Mode mode;
    private final URI endpoint;

    private ParPolicy(Mode mode, URI endpoint) {
        this.mode = mode;
        this.endpoint = endpoint;
    }

    public static ParPolicy parse(ConfigReader in) {
        String text = in.optional(ConfigKey.PAR).orElseThrow().trim().toLowerCase(Locale.ROOT);
        Mode mode = null;
        for (Mode candidate : Mode.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(text)) {
                mode = candidate;
            }
        }
        if (mode == null) {
            in.problem(ConfigKey.PAR, "must be auto, always or never, got '" + text + "'");
            mode = Mode.AUTO;
        }
        URI endpoint = in.url(ConfigKey.PAR_ENDPOINT);
        // With authorization-endpoint and token-endpoint set no discovery document is read, so nothing but
        // par-endpoint can name the endpoint that par=always needs: say so now rather than at the first login.
        boolean manualEndpoints = in.optional(ConfigKey.AUTHORIZATION_ENDPOINT).isPresent()
                && in.optional(ConfigKey.TOKEN_ENDPOINT).isPresent();
        if (mode == Mode.ALWAYS && manualEndpoints && endpoint == null
                && in.optional(ConfigKey.PAR_ENDPOINT).isEmpty()) {
            in.problem(ConfigKey.PAR, "is 'always', but with manual endpoints (authorization-endpoint, "
                    + "token-endpoint) there is no pushed authorization request endpoint: set par-endpoint, or par=auto");
        }
        return new ParPolicy(mode, endpoint);
    }

    /** {@return {@code auto}, {@code always} or {@code never}} */
    public Mode mode() {
        return mode;
    }

    /** {@return the configured {@code par-endpoint}, if set; else the discovered one is used} */
    public Optional<URI> configuredEndpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * Whether a login pushes its parameters.
     *
     * @param providerRequiresPar the provider's {@code require_pushed_authorization_requests} (RFC 9126 §5)
     * @return true for {@code always}, and for {@code auto} when the provider requires it
     */
    public boolean pushes(boolean providerRequiresPar) {
        return mode == Mode.ALWAYS || mode == Mode.AUTO && providerRequiresPar;
    }

    @Override
    public String toString() {
        return mode.name().toLowerCase(Locale.ROOT) + (endpoint == null ? "" : " at " + endpoint);
    }
}
