package io.github.oidcservlet.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users' claims. Every username is a user; each has {@code preferred_username}, {@code name} and
 * {@code email}; "alice" is in group "users", "admin" in "users" and "admin". Extra claims override those, a
 * {@code null} value removes one, and a {@code sub} claim replaces the username as subject.
 */
final class Users {

    private final Map<String, Map<String, Object>> extraClaims = new ConcurrentHashMap<>();

    Users() {
        reset();
    }

    synchronized void reset() {
        extraClaims.clear();
        extraClaims.put("alice", Map.of("groups", List.of("users")));
        extraClaims.put("admin", Map.of("groups", List.of("users", "admin")));
    }

    void put(String username, Map<String, Object> claims) {
        // Keep nulls: a null value means "remove this default claim".
        Map<String, Object> merged = new LinkedHashMap<>(extraClaims.getOrDefault(username, Map.of()));
        merged.putAll(claims);
        extraClaims.put(username, merged);
    }

    /** The subject identifier: the {@code sub} claim when one was given, else the username. */
    String subject(String username) {
        Object sub = claims(username).get("sub");
        return sub == null ? username : sub.toString();
    }

    /** The user's claims, without {@code sub}, in a fresh mutable map. */
    Map<String, Object> claims(String username) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", username);
        claims.put("name", username.isEmpty() ? username
                : Character.toUpperCase(username.charAt(0)) + username.substring(1));
        claims.put("email", username + "@example.test");
        claims.putAll(extraClaims.getOrDefault(username, Map.of()));
        claims.values().removeIf(value -> value == null);
        return claims;
    }

    Map<String, Object> claimsWithoutSub(String username) {
        Map<String, Object> claims = claims(username);
        claims.remove("sub");
        return claims;
    }
}
