package io.github.oidcservlet.core.internal.web;

/**
 * The path inside the application as the container decoded and normalized it: servlet path followed by path
 * info. Compared part by part, so that routing an authenticated request builds no string (the hot path
 * allocates nothing but the request wrapper).
 */
public final class RequestPath {

    private RequestPath() {
    }

    /** The servlet path, never null; an empty path with no path info is the root, {@code /}. */
    public static String head(String servletPath, String pathInfo) {
        String head = servletPath == null ? "" : servletPath;
        return head.isEmpty() && pathInfo == null ? "/" : head;
    }

    static int length(String head, String pathInfo) {
        return head.length() + (pathInfo == null ? 0 : pathInfo.length());
    }

    static char charAt(String head, String pathInfo, int index) {
        return index < head.length() ? head.charAt(index) : pathInfo.charAt(index - head.length());
    }

    /** {@code head + tail} equals {@code text}. */
    public static boolean equalTo(String head, String tail, String text) {
        if (tail == null) {
            return head.equals(text);
        }
        return text.length() == head.length() + tail.length() && text.startsWith(head)
                && text.startsWith(tail, head.length());
    }

    /** {@code head + tail} starts with {@code prefix}. */
    static boolean startsWith(String head, String tail, String prefix) {
        if (prefix.length() <= head.length()) {
            return head.startsWith(prefix);
        }
        return tail != null && prefix.startsWith(head) && length(head, tail) >= prefix.length()
                && tail.regionMatches(0, prefix, head.length(), prefix.length() - head.length());
    }

    /** {@code head + tail} ends with {@code suffix}. */
    static boolean endsWith(String head, String tail, String suffix) {
        int total = length(head, tail);
        if (suffix.length() > total) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (charAt(head, tail, total - suffix.length() + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
