package io.github.oidcservlet.testkit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Authorization codes, access tokens and refresh tokens the provider has issued and not yet forgotten. */
final class Grants {

    /** What an authorization code stands for, captured at the authorization endpoint. */
    record AuthorizationCode(String clientId, String redirectUri, String username, String nonce,
            String codeChallenge, String scope, Instant authTime, Instant expiresAt) {
    }

    /**
     * What an access or refresh token stands for; {@code expiresAt} is {@code null} for "never". {@code family}
     * names the login the token descends from: every token of one code redemption and its refreshes shares it.
     */
    record Grant(String clientId, String username, String scope, Instant authTime, Instant expiresAt,
            String family) {

        boolean isExpired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    /** Refresh tokens rotated away, by value, with the family they belonged to. */
    private final Map<String, String> rotatedAway = new ConcurrentHashMap<>();
    private final AtomicInteger endedFamilies = new AtomicInteger();

    void clear() {
        codes.clear();
        forgetTokens();
        endedFamilies.set(0);
    }

    /** Forgets every access and refresh token, as if the provider had restarted without persistence. */
    void forgetTokens() {
        accessTokens.clear();
        refreshTokens.clear();
        rotatedAway.clear();
    }

    /** A fresh family name, for the tokens of a new code redemption. */
    String newFamily() {
        return randomValue();
    }

    String newCode(AuthorizationCode code) {
        String value = randomValue();
        codes.put(value, code);
        return value;
    }

    /** Removes and returns the code: a code is single use (RFC 6749 §4.1.2), whatever the outcome. */
    AuthorizationCode redeemCode(String value) {
        return codes.remove(value);
    }

    String newAccessToken(Grant grant) {
        String value = randomValue();
        accessTokens.put(value, grant);
        return value;
    }

    String newRefreshToken(Grant grant) {
        String value = randomValue();
        refreshTokens.put(value, grant);
        return value;
    }

    Grant accessToken(String value) {
        return accessTokens.get(value);
    }

    Grant refreshToken(String value) {
        return refreshTokens.get(value);
    }

    /** Invalidates a refresh token; {@code true} if it was valid until now (so concurrent rotations see one winner). */
    boolean removeRefreshToken(String value) {
        Grant removed = refreshTokens.remove(value);
        if (removed != null) {
            rotatedAway.put(value, removed.family());
        }
        return removed != null;
    }

    /** The family of a refresh token that was rotated away, or null. */
    String rotatedAwayFamily(String value) {
        return rotatedAway.get(value);
    }

    /** Revokes every access and refresh token of a family: the whole login ends at the provider. */
    void endFamily(String family) {
        accessTokens.values().removeIf(grant -> family.equals(grant.family()));
        refreshTokens.values().removeIf(grant -> family.equals(grant.family()));
        endedFamilies.incrementAndGet();
    }

    /** How many families reuse detection has ended since the last {@link #clear()}. */
    int endedFamilies() {
        return endedFamilies.get();
    }

    /** RFC 7009 §2.1: revokes an access or refresh token; unknown tokens are ignored. */
    void revoke(String value) {
        accessTokens.remove(value);
        refreshTokens.remove(value);
    }

    private String randomValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
