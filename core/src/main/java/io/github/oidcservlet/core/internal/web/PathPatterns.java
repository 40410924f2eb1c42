package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.internal.config.PathPattern;

import java.util.List;

/**
 * Servlet-style path patterns ({@link PathPattern}), matched against the decoded, normalized path inside the
 * application: exact ({@code /about}), prefix ({@code /public/*}, which also matches {@code /public}) and suffix
 * ({@code *.css}).
 */
public final class PathPatterns {

    private final String[] exact;
    private final String[] prefixes;
    private final String[] suffixes;

    public PathPatterns(List<String> patterns) {
        this.exact = operands(patterns, PathPattern.EXACT);
        this.prefixes = operands(patterns, PathPattern.PREFIX);
        this.suffixes = operands(patterns, PathPattern.SUFFIX);
    }

    private static String[] operands(List<String> patterns, PathPattern kind) {
        return patterns.stream().filter(p -> PathPattern.of(p) == kind).map(kind::operand).toArray(String[]::new);
    }

    public boolean matches(String path) {
        return matches(path, null);
    }

    /** Whether the path {@code head + tail} (servlet path and path info) matches; builds no string. */
    public boolean matches(String head, String tail) {
        for (String candidate : exact) {
            if (RequestPath.equalTo(head, tail, candidate)) {
                return true;
            }
        }
        for (String prefix : prefixes) {
            if (RequestPath.startsWith(head, tail, prefix)) {
                int length = RequestPath.length(head, tail);
                if (length == prefix.length() || RequestPath.charAt(head, tail, prefix.length()) == '/') {
                    return true;
                }
            }
        }
        for (String suffix : suffixes) {
            if (RequestPath.endsWith(head, tail, suffix)) {
                return true;
            }
        }
        return false;
    }
}
