package io.github.oidcservlet.core.login;

/** Makes text that may come from a request safe for a log line: no forged lines, no endless values. */
final class LogText {

    private static final int MAX = 500;

    private LogText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '_' : c);
        }
        return text.length() > MAX ? out + "..." : out.toString();
    }
}
