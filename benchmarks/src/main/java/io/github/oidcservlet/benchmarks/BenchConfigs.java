package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A relying party with manual endpoints: benchmarks never touch the network. */
final class BenchConfigs {

    private BenchConfigs() {
    }

    static Map<String, String> initParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("issuer", Tokens.ISSUER);
        params.put("client-id", Tokens.CLIENT_ID);
        params.put("client-secret", "a-benchmark-client-secret-32-bytes-long");
        params.put("authorization-endpoint", Tokens.ISSUER + "/protocol/openid-connect/auth");
        params.put("token-endpoint", Tokens.ISSUER + "/protocol/openid-connect/token");
        params.put("jwks-uri", Tokens.ISSUER + "/protocol/openid-connect/certs");
        params.put("id-token-algs", "RS256 ES256");
        params.put("public-paths", "/,/public/*");
        return params;
    }

    static OidcConfig config() {
        return OidcConfig.fromInitParams(initParams());
    }

    static ProviderMetadata metadata() {
        URI base = URI.create(Tokens.ISSUER + "/protocol/openid-connect");
        return new ProviderMetadata(Tokens.ISSUER, URI.create(base + "/auth"), URI.create(base + "/token"), null,
                URI.create(base + "/certs"), null, null, List.of("RS256", "ES256"), List.of(), false);
    }
}
