package io.github.oidcservlet.core;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values (state, nonce, PKCE verifiers, assertion ids, login ids): base64url without padding of bytes
 * from one {@link SecureRandom}, which is thread-safe.
 */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /**
     * A fresh random value.
     *
     * @param bytes how many random bytes (16 bytes are 128 bits, 22 characters)
     * @return the bytes, base64url-encoded without padding
     */
    public static String next(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
