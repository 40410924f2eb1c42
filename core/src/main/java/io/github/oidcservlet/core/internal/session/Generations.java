package io.github.oidcservlet.core.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Short, non-reversible fingerprints of a token: equal tokens give equal values, the token cannot be read back. */
public final class Generations {

    private Generations() {
    }

    /** The first 12 bytes of SHA-256 of {@code token}, base64url (16 characters). */
    public static String of(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
