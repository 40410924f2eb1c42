package io.github.oidcservlet.testkit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pushed authorization requests (RFC 9126) by {@code request_uri}, until used or expired. */
final class PushedRequests {

    /** RFC 9126 §2.2: a URN under {@code urn:ietf:params:oauth:request_uri:} is the usual form. */
    static final String PREFIX = "urn:ietf:params:oauth:request_uri:";

    /** What a client pushed: the authorization request's parameters, bound to that client, with an expiry. */
    record Pushed(String clientId, Map<String, List<String>> params, Instant expiresAt) {

        Pushed {
            params = Map.copyOf(params);
        }

        boolean isExpired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pushed> byUri = new ConcurrentHashMap<>();

    /** Stores the request and returns its new {@code request_uri}. */
    String push(Pushed request) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String uri = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byUri.put(uri, request);
        return uri;
    }

    /** The pushed request, without using it up. */
    Pushed find(String requestUri) {
        return byUri.get(requestUri);
    }

    /** Removes and returns the pushed request: RFC 9126 §4, a request URI is used once. */
    Pushed take(String requestUri) {
        return byUri.remove(requestUri);
    }

    void clear() {
        byUri.clear();
    }
}
