package io.github.oidcservlet.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The registered clients: by default one confidential client accepting any loopback redirect URI. */
final class Clients {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

    Clients() {
        reset();
    }

    synchronized void reset() {
        byId.clear();
        register(new RegisteredClient(TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET, List.of()));
    }

    void register(RegisteredClient client) {
        byId.put(client.clientId(), client);
    }

    /** The client, or {@code null} when none is registered under that id. */
    RegisteredClient find(String clientId) {
        return clientId == null ? null : byId.get(clientId);
    }
}
