package io.github.oidcservlet.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request each endpoint received, in arrival order. */
final class RequestLog {

    static final Set<String> ENDPOINTS =
            Set.of("authorize", "token", "userinfo", "jwks", "discovery", "revoke", "end_session", "par");

    private final Map<String, List<RecordedRequest>> byEndpoint = new ConcurrentHashMap<>();

    void add(RecordedRequest request) {
        byEndpoint.computeIfAbsent(request.endpoint(), name -> new CopyOnWriteArrayList<>()).add(request);
    }

    List<RecordedRequest> requests(String endpoint) {
        if (!ENDPOINTS.contains(endpoint)) {
            throw new IllegalArgumentException("unknown endpoint name '" + endpoint + "', expected one of " + ENDPOINTS);
        }
        return List.copyOf(byEndpoint.getOrDefault(endpoint, List.of()));
    }

    void clear() {
        byEndpoint.clear();
    }
}
