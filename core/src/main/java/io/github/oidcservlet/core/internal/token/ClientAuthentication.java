package io.github.oidcservlet.core.internal.token;

import java.net.URI;
import java.util.Map;

/**
 * One client authentication method of OIDC Core §9. Called once per token request, so methods that sign an
 * assertion make a fresh one every time (RFC 7523 §3: an assertion is never reused).
 */
public interface ClientAuthentication {

    /**
     * Adds this method's credentials to a token request (or a revocation or pushed authorization request, which
     * authenticate the client the same way).
     *
     * @param tokenEndpoint where the request goes (the default audience of a client assertion); for a pushed
     *                      authorization request, the issuer (RFC 9126 §2)
     * @param form          the form body, to which parameters may be added
     * @param headers       the request headers, to which headers may be added
     */
    void authenticate(URI tokenEndpoint, Map<String, String> form, Map<String, String> headers);

    /** The registered name, e.g. {@code client_secret_basic}. */
    String methodName();
}
