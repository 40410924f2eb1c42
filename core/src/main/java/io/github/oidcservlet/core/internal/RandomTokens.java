package io.github.oidcservlet.core.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one generator of unguessable values (state, nonce, PKCE verifier, client-assertion {@code jti}, login ids, the
 * logout confirmation token and the post-logout {@code state}): bytes from {@link SecureRandom}, base64url without padding.
 */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /**
     * A new random value.
     *
     * @param bytes how many random bytes it carries (RFC 6749 §10.10 and RFC 7636 §7.1 ask for at least 16)
     * @return the bytes as base64url without padding
     */
    public static String of(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
