package io.github.oidcservlet.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * How the provider checks one token endpoint client authentication method (OIDC Core 9, RFC 6749 §2.3); core's
 * {@code ClientAuthMethod} names a method and core's {@code ClientAuthentication} is the client side of one. Adding a method means one more
 * small implementation listed in {@link ClientCredentialChecks}.
 */
interface ClientCredentialCheck {

    /** The name used in discovery and in {@link ProviderBehaviour#allowedClientAuthMethods(java.util.Set)}. */
    String name();

    /** Whether the request carries this method's credentials. */
    boolean isUsedBy(RecordedRequest request);

    ClientAuthResult authenticate(RecordedRequest request, Clients clients);

    /** Compares secrets in constant time, so a test provider does not teach timing-leaky habits. */
    static boolean secretMatches(RegisteredClient client, String presented) {
        return client.secret() != null && presented != null && MessageDigest.isEqual(
                client.secret().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
