package io.github.oidcservlet.core.internal.config;

import java.util.Locale;

/**
 * The "did you mean" hint for an init-param that is no known key: the nearest key by edit distance (optimal
 * string alignment, so a swapped pair of letters counts once), when it is near enough for its length to be a typo
 * ({@code isuer} → {@code issuer}, {@code public-path} → {@code public-paths}, {@code client_id} →
 * {@code client-id}) rather than another word.
 */
public final class KeySuggestions {

    private KeySuggestions() {
    }

    /** @return {@code " (did you mean 'key'?)"}, or {@code ""} when no key is near */
    public static String forName(String name) {
        String typed = normalized(name);
        ConfigKey best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey key : ConfigKey.values()) {
            int distance = distance(typed, key.key());
            if (distance < bestDistance) {
                best = key;
                bestDistance = distance;
            }
        }
        // a third of the key's letters may be wrong, at least one: near enough to be a typo, far from other keys
        return best != null && bestDistance <= Math.max(1, best.key().length() / 3)
                ? " (did you mean '" + best.key() + "'?)" : "";
    }

    /** Case and separators as the keys write them; an environment-style or system-property-style prefix dropped. */
    private static String normalized(String name) {
        String text = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return text.startsWith("oidc-") ? text.substring("oidc-".length()) : text;
    }

    /** Damerau–Levenshtein distance, optimal string alignment variant. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
