package io.github.oidcservlet.core.internal.login;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Keeps return URLs inside the application: only a path of this origin survives, anything that a browser could
 * read as another host ({@code //host}, {@code /\host}, absolute URLs, their percent-encoded or control-character
 * variants) becomes the fallback. Prevents open redirects (RFC 9700 §4.11).
 */
public final class ReturnUrls {

    private ReturnUrls() {
    }

    /**
     * @param candidate a path with optional query, as taken from the original request
     * @param fallback  the context root, used when the candidate is not safe
     */
    public static String sameOrigin(String candidate, String fallback) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 4096) {
            return fallback;
        }
        if (!isSafePath(candidate)) {
            return fallback;
        }
        // Decode repeatedly so that %2F%2F, %252F%252F and %5C variants are judged as a browser may see them.
        String decoded = candidate;
        for (int round = 0; round < 3; round++) {
            String next;
            try {
                next = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return fallback;
            }
            if (!isSafePath(next)) {
                return fallback;
            }
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        return candidate;
    }

    private static boolean isSafePath(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // Browsers strip tabs and newlines from URLs, so "/\t/evil" would become "//evil".
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
