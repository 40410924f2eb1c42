package io.github.oidcservlet.core.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorded logouts of one kind (ended {@code sid}s or ended {@code sub}s), each under the key
 * {@code end} received. A multi-tenant issuer's key is scoped (the issuer, a space, the value: no issuer made from
 * a template holds a space); it is kept under its issuer, so that a tenant's login is looked up by its own
 * {@code iss} and value and no key is built per request. Splitting every key at its first space gives each key one
 * place, so a plain value holding a space (no provider is known to issue one) is found too, at the cost of a split.
 * Written under the owner's lock, read without.
 */
final class LogoutKeys {

    /** One recorded logout: the logout token's iat and when it arrived here. */
    record Logout(long issuedAtMillis, long receivedAtMillis) {
        Logout later(Logout other) {
            return other.issuedAtMillis > issuedAtMillis
                    || other.issuedAtMillis == issuedAtMillis && other.receivedAtMillis > receivedAtMillis
                    ? other : this;
        }
    }

    private final Map<String, Logout> plain = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Logout>> byIssuer = new ConcurrentHashMap<>();

    void record(String key, Logout logout) {
        int space = key.indexOf(' ');
        if (space < 0) {
            plain.merge(key, logout, Logout::later);
        } else {
            byIssuer.computeIfAbsent(key.substring(0, space), issuer -> new ConcurrentHashMap<>())
                    .merge(key.substring(space + 1), logout, Logout::later);
        }
    }

    /** {@return the logout recorded under {@code key} as {@code end} received it, or null (also for null)} */
    Logout get(String key) {
        if (key == null) {
            return null;
        }
        int space = key.indexOf(' ');
        return space < 0 ? plain.get(key) : get(key.substring(0, space), key.substring(space + 1));
    }

    /** {@return the logout recorded under the scoped key of {@code issuer} and {@code value}, or null} */
    Logout get(String issuer, String value) {
        if (issuer == null || value == null) {
            return null;
        }
        Map<String, Logout> ofIssuer = byIssuer.get(issuer);
        return ofIssuer == null ? null : ofIssuer.get(value);
    }

    void removeReceivedBefore(long oldest) {
        plain.values().removeIf(logout -> logout.receivedAtMillis() < oldest);
        byIssuer.values().removeIf(ofIssuer -> {
            ofIssuer.values().removeIf(logout -> logout.receivedAtMillis() < oldest);
            return ofIssuer.isEmpty();
        });
    }

    int size() {
        int size = plain.size();
        for (Map<String, Logout> ofIssuer : byIssuer.values()) {
            size += ofIssuer.size();
        }
        return size;
    }

    /** The maps the logouts are in, for the owner's search for the oldest one. */
    List<Map<String, Logout>> maps() {
        List<Map<String, Logout>> maps = new ArrayList<>(byIssuer.values());
        maps.add(plain);
        return maps;
    }
}
