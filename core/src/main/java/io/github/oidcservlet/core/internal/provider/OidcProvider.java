package io.github.oidcservlet.core.internal.provider;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import io.github.oidcservlet.core.ProviderProtocolException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.oidcservlet.core.OidcConfig;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One configured provider: its metadata (discovered lazily and then kept; a failed discovery is retried on the
 * next use, so a provider that is down at start-up does not stop the application) and its JWKS source.
 * Thread-safe.
 */
public final class OidcProvider {

    private static final System.Logger LOG = System.getLogger(OidcProvider.class.getName());

    private final OidcConfig config;
    private final ProviderHttp http;
    private final Object lock = new Object();
    private volatile ProviderMetadata metadata;
    private volatile JWKSource<SecurityContext> jwkSource;
    private CompletableFuture<ProviderMetadata> inFlight;
    private Failure lastFailure;

    /** How long a failed discovery is answered from memory before the provider is asked again, by default. */
    public static final Duration FAILURE_MEMORY = Duration.ofSeconds(2);

    private final Clock clock;
    private final long failureMemoryMillis;

    /** With the system clock and {@link #FAILURE_MEMORY}. */
    public OidcProvider(OidcConfig config, ProviderHttp http) {
        this(config, http, Clock.systemUTC(), FAILURE_MEMORY);
    }

    /**
     * @param clock         the engine's clock
     * @param failureMemory how long a failed discovery is answered from memory before the provider is asked again
     */
    public OidcProvider(OidcConfig config, ProviderHttp http, Clock clock, Duration failureMemory) {
        this.config = config;
        this.http = http;
        this.clock = clock;
        this.failureMemoryMillis = failureMemory.toMillis();
        if (config.manualEndpoints()) {
            this.metadata = manual(config);
        }
    }

    public ProviderHttp http() {
        return http;
    }

    /**
     * The metadata, fetching the discovery document if not done yet.
     *
     * @throws ProviderUnavailableException when the provider cannot be reached in time
     * @throws ProviderProtocolException when its document is wrong (issuer mismatch, missing endpoints)
     */
    public ProviderMetadata metadata() {
        ProviderMetadata known = metadata;
        if (known != null) {
            return known;
        }
        CompletableFuture<ProviderMetadata> fetch;
        boolean mine = false;
        synchronized (lock) {
            if (metadata != null) {
                return metadata;
            }
            Failure failed = lastFailure;
            if (failed != null && clock.millis() - failed.atMillis() < failureMemoryMillis) {
                throw failed.error();
            }
            fetch = inFlight;
            if (fetch == null) {
                fetch = new CompletableFuture<>();
                inFlight = fetch;
                mine = true;
            }
        }
        if (mine) {
            fetchInto(fetch);
        }
        // Single flight: requests arriving while one discovery call is under way wait for its answer instead of
        // queueing up one timeout each, so every user gets an answer within the configured timeouts.
        try {
            return fetch.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private void fetchInto(CompletableFuture<ProviderMetadata> fetch) {
        try {
            ProviderMetadata fetched = new DiscoveryClient(config, http).fetch();
            synchronized (lock) {
                metadata = fetched;
                lastFailure = null;
                inFlight = null;
            }
            fetch.complete(fetched);
        } catch (RuntimeException e) {
            synchronized (lock) {
                lastFailure = new Failure(e, clock.millis());
                inFlight = null;
            }
            fetch.completeExceptionally(e);
        }
    }

    /** A failed discovery, remembered briefly so that a provider that is down does not cost every request a timeout. */
    private record Failure(RuntimeException error, long atMillis) {
    }

    /**
     * The provider's keys: cached, refreshed on an unknown {@code kid} at most once per rate-limit interval, so a
     * key rotation needs no restart. Fetched through the same bounded HTTP client.
     */
    public JWKSource<SecurityContext> jwkSource() {
        JWKSource<SecurityContext> known = jwkSource;
        if (known != null) {
            return known;
        }
        ProviderMetadata current = metadata();
        synchronized (lock) {
            if (jwkSource == null) {
                if (current.jwksUri() == null) {
                    throw new ProviderProtocolException("The provider has no jwks_uri, so asymmetric ID token signatures "
                            + "cannot be verified: set jwks-uri, or id-token-algs to HS256 for providers that sign with the secret");
                }
                URL url;
                try {
                    url = current.jwksUri().toURL();
                } catch (MalformedURLException | IllegalArgumentException e) {
                    throw new ProviderProtocolException("jwks_uri is not a URL: " + current.jwksUri(), e);
                }
                jwkSource = new RecoveringJwkSource(() -> JWKSourceBuilder.create(url, new JwksRetriever(http))
                        .retrying(false)
                        .refreshAheadCache(false)
                        .build());
            }
            return jwkSource;
        }
    }

    /**
     * Fetches the provider's keys now (at start-up), and warms the JDK's signature engines with them, so that the
     * first login waits for neither. Never throws: a provider that is down, or a key set that cannot be read, is
     * logged and left to the first login, which tries again and reports it.
     *
     * @return whether the keys are now cached
     */
    public boolean prefetchKeys() {
        try {
            if (metadata().jwksUri() == null) {
                return false;
            }
            KeyWarmUp.warm(jwkSource().get(new JWKSelector(new JWKMatcher.Builder().build()), null));
            return true;
        } catch (KeySourceException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The provider's keys were not fetched at start-up ("
                    + e.getMessage() + "); the first login will fetch them");
            return false;
        }
    }

    private static ProviderMetadata manual(OidcConfig config) {
        return new ProviderMetadata(
                config.issuer(),
                config.authorizationEndpoint().orElseThrow(),
                config.tokenEndpoint().orElseThrow(),
                config.userinfoEndpoint().orElse(null),
                config.jwksUri().orElse(null),
                config.endSessionEndpoint().orElse(null),
                config.revocationEndpoint().orElse(null),
                // OIDC Core §3.1.3.7 (7): "The default alg value is RS256".
                List.of("RS256"),
                List.of(),
                false,
                config.par().configuredEndpoint().orElse(null),
                // RFC 9126 §5: without a discovery document nothing says PAR is required; par=always forces it.
                false);
    }
}
