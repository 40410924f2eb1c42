package io.github.oidcservlet.core.internal.provider;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the relying party knows about its provider, from discovery, configuration, or both (configured endpoints
 * win). Lists are empty when the provider does not say.
 */
public record ProviderMetadata(
        String issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI userinfoEndpoint,
        URI jwksUri,
        URI endSessionEndpoint,
        URI revocationEndpoint,
        List<String> idTokenSigningAlgs,
        List<String> tokenEndpointAuthMethods,
        boolean issParameterSupported) {

    public ProviderMetadata {
        idTokenSigningAlgs = List.copyOf(idTokenSigningAlgs);
        tokenEndpointAuthMethods = List.copyOf(tokenEndpointAuthMethods);
    }

    public Optional<URI> userinfo() { return Optional.ofNullable(userinfoEndpoint); }
    public Optional<URI> jwks() { return Optional.ofNullable(jwksUri); }
    public Optional<URI> endSession() { return Optional.ofNullable(endSessionEndpoint); }
    public Optional<URI> revocation() { return Optional.ofNullable(revocationEndpoint); }
}
