package io.github.oidcservlet.benchmarks;

import com.nimbusds.jose.jwk.RSAKey;
import io.github.oidcservlet.core.OidcLogin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Memory figures: the serialized size of one {@link OidcLogin} against the raw bytes of the tokens it holds, and
 * the heap that N logged-in sessions take (default 100 000). Run with a fixed heap, e.g. {@code -Xmx2g}.
 */
public final class SessionMemory {

    private SessionMemory() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Instant now = Instant.now();
        RSAKey key = Tokens.rsaKey();
        String idToken = Tokens.sign(Tokens.idTokenClaims(now, "f9a2c1d0-5d6e-4bb2-9f3e-1c2d3e4f5a6b"), key);
        String accessToken = Tokens.sign(Tokens.accessTokenClaims(now, "f9a2c1d0-5d6e-4bb2-9f3e-1c2d3e4f5a6b"), key);
        // Keycloak's refresh tokens are HS512 JWTs of about 700 bytes; any opaque value of that size will do here.
        String refreshToken = "eyJhbGciOiJIUzUxMiJ9." + "x".repeat(600) + "." + "y".repeat(86);

        OidcLogin one = session(0, idToken, accessToken, refreshToken, now);
        int raw = idToken.length() + accessToken.length() + refreshToken.length();
        int serialized = serializedSize(one);
        System.out.printf("raw token bytes: %d (id %d, access %d, refresh %d)%n", raw, idToken.length(),
                accessToken.length(), refreshToken.length());
        System.out.printf("serialized OidcLogin: %d bytes = raw + %d (target: raw + 512 at most)%n",
                serialized, serialized - raw);

        long before = usedHeapAfterGc();
        List<OidcLogin> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sessions.add(session(i, copy(idToken), copy(accessToken), copy(refreshToken), now));
        }
        long after = usedHeapAfterGc();
        long perSession = (after - before) / count;
        System.out.printf("heap for %d sessions: %.1f MiB (%d bytes each; target: 1024 MiB for 100 000)%n",
                sessions.size(), (after - before) / (1024.0 * 1024.0), perSession);
    }

    private static OidcLogin session(int i, String idToken, String accessToken, String refreshToken, Instant now) {
        Set<String> roles = new LinkedHashSet<>(List.of("users", "admin"));
        return OidcLogin.builder().subject(UUID.randomUUID().toString()).principalName("user" + i).roles(roles)
                .idToken(idToken).accessToken(accessToken).refreshToken(refreshToken)
                .expiresAtMillis(now.plusSeconds(300).toEpochMilli()).build();
    }

    /** A distinct string with its own bytes, as tokens of different users are. */
    private static String copy(String token) {
        return new String(token.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    static int serializedSize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.size();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
