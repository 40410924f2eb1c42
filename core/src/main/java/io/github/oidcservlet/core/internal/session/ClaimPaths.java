package io.github.oidcservlet.core.internal.session;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads claims by name or by dotted path ({@code realm_access.roles}). */
public final class ClaimPaths {

    private ClaimPaths() {
    }

    /**
     * The claim at {@code path}: a claim literally named so wins (namespaced claims such as
     * {@code https://example.com/roles} contain dots), else the path is followed through nested objects.
     */
    public static Object resolve(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** The roles at {@code path}: a JSON array of strings, or a single string; anything else gives none. */
    public static Set<String> roles(Map<String, Object> claims, String path) {
        Object value = resolve(claims, path);
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            for (Object role : values) {
                if (role instanceof String text && !text.isEmpty()) {
                    roles.add(text);
                }
            }
        } else if (value instanceof String text && !text.isEmpty()) {
            roles.add(text);
        }
        return roles;
    }
}
