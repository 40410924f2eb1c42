package io.github.oidcservlet.core.provider;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.oidcservlet.core.config.OidcConfig;

import java.net.MalformedURLException;
import java.util.List;

/**
 * One configured provider: its metadata (discovered lazily and then kept; a failed discovery is retried on the
 * next use, so a provider that is down at start-up does not stop the application) and its JWKS source.
 * Thread-safe.
 */
public final class OidcProvider {

    private final OidcConfig config;
    private final ProviderHttp http;
    private final Object lock = new Object();
    private volatile ProviderMetadata metadata;
    private volatile JWKSource<SecurityContext> jwkSource;

    public OidcProvider(OidcConfig config, ProviderHttp http) {
        this.config = config;
        this.http = http;
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
        synchronized (lock) {
            if (metadata == null) {
                metadata = new DiscoveryClient(config, http).fetch();
            }
            return metadata;
        }
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
                try {
                    jwkSource = JWKSourceBuilder.create(current.jwksUri().toURL(), new JwksRetriever(http))
                            .retrying(false)
                            .refreshAheadCache(false)
                            .build();
                } catch (MalformedURLException e) {
                    throw new ProviderProtocolException("jwks_uri is not a URL: " + current.jwksUri(), e);
                }
            }
            return jwkSource;
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
                false);
    }
}
