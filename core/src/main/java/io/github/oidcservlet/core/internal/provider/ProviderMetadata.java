package io.github.oidcservlet.core.internal.provider;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the relying party knows about its provider, from discovery, configuration, or both (configured endpoints
 * win). Lists are empty when the provider does not say.
 *
 * @param pushedAuthorizationRequestEndpoint RFC 9126 §5 {@code pushed_authorization_request_endpoint}, or
 *        {@code null}
 * @param requirePushedAuthorizationRequests RFC 9126 §5 {@code require_pushed_authorization_requests}
 *        ("If omitted, the default value is false")
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
        boolean issParameterSupported,
        URI pushedAuthorizationRequestEndpoint,
        boolean requirePushedAuthorizationRequests) {

    public ProviderMetadata {
        idTokenSigningAlgs = List.copyOf(idTokenSigningAlgs);
        tokenEndpointAuthMethods = List.copyOf(tokenEndpointAuthMethods);
    }

    /** A provider without pushed authorization requests (RFC 9126). */
    public ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI userinfoEndpoint,
                            URI jwksUri, URI endSessionEndpoint, URI revocationEndpoint,
                            List<String> idTokenSigningAlgs, List<String> tokenEndpointAuthMethods,
                            boolean issParameterSupported) {
        this(issuer, authorizationEndpoint, tokenEndpoint, userinfoEndpoint, jwksUri, endSessionEndpoint,
                revocationEndpoint, idTokenSigningAlgs, tokenEndpointAuthMethods, issParameterSupported, null, false);
    }

    public Optional<URI> userinfo() { return Optional.ofNullable(userinfoEndpoint); }
    public Optional<URI> jwks() { return Optional.ofNullable(jwksUri); }
    public Optional<URI> endSession() { return Optional.ofNullable(endSessionEndpoint); }
    public Optional<URI> revocation() { return Optional.ofNullable(revocationEndpoint); }
    public Optional<URI> pushedAuthorizationRequests() { return Optional.ofNullable(pushedAuthorizationRequestEndpoint); }
}
