package io.github.oidcservlet.testkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A client registration.
 *
 * @param clientId     the {@code client_id}
 * @param secret       the client secret, or {@code null} for a public client (token endpoint auth method
 *                     {@code none})
 * @param redirectUris the registered redirect URIs, compared by exact string match (OIDC Core 3.1.2.1); empty
 *                     means any {@code http(s)} URI on 127.0.0.1, [::1] or localhost (RFC 8252 §7.3 loopback)
 * @param publicKey    the key that verifies {@code private_key_jwt} assertions, or {@code null}
 */
record RegisteredClient(String clientId, String secret, List<String> redirectUris, PublicKey publicKey) {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    RegisteredClient {
        Objects.requireNonNull(clientId, "clientId");
        redirectUris = List.copyOf(redirectUris);
    }

    RegisteredClient(String clientId, String secret, List<String> redirectUris) {
        this(clientId, secret, redirectUris, null);
    }

    boolean isPublic() {
        return secret == null && publicKey == null;
    }

    boolean allowsRedirect(String redirectUri) {
        if (!redirectUris.isEmpty()) {
            return redirectUris.contains(redirectUri);
        }
        try {
            URI uri = new URI(redirectUri);
            // RFC 6749 §3.1.2: the endpoint URI MUST be absolute and MUST NOT include a fragment.
            return uri.isAbsolute() && uri.getRawFragment() == null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // The secret stays out of test output.
        return "RegisteredClient[clientId=" + clientId + ", public=" + isPublic() + ", redirectUris=" + redirectUris
                + "]";
    }
}
