package io.github.oidcservlet.core.internal.config;

/**
 * The syntax of {@code public-paths} and {@code api-paths}: the servlet-style pattern kinds, read in this one place
 * both when the configuration is checked and when the patterns are matched.
 */
public enum PathPattern {
    /** An exact path, {@code /about}. */
    EXACT,
    /** A path and everything below it, {@code /public/*} (which also matches {@code /public}). */
    PREFIX,
    /** Any path ending in an extension, {@code *.css}. */
    SUFFIX;

    /**
     * The kind of a pattern.
     *
     * @param pattern one pattern as configured, trimmed
     * @return its kind, or null when it is none of the three
     */
    public static PathPattern of(String pattern) {
        if (pattern.startsWith("/") && pattern.indexOf('*') < 0) {
            return EXACT;
        }
        if (pattern.startsWith("/") && pattern.indexOf('*') == pattern.length() - 1 && pattern.endsWith("/*")) {
            return PREFIX;
        }
        if (pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0 && pattern.indexOf('/') < 0) {
            return SUFFIX;
        }
        return null;
    }

    /**
     * What a pattern of this kind compares the request path with.
     *
     * @param pattern a pattern of this kind
     * @return the exact path, the prefix without {@code /*}, or the suffix with its dot
     */
    public String operand(String pattern) {
        return switch (this) {
            case EXACT -> pattern;
            case PREFIX -> pattern.substring(0, pattern.length() - 2);
            case SUFFIX -> pattern.substring(1);
        };
    }
}
