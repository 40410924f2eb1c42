package io.github.oidcservlet.core.internal;

/**
 * The one neutralizer for log lines: every value a provider or a request supplies (a token header, an error code,
 * a provider's message, a request parameter) passes through {@link #safe} before it is logged, so that it can
 * neither forge a line nor flood the log. Used by every package of the engine and by the adapters.
 */
public final class LogText {

    private static final int MAX = 500;

    private LogText() {
    }

    /**
     * @return {@code text} with every control character and line or paragraph separator (CR, LF, NEL, U+2028,
     *         U+2029 all start a new line in some log viewer) replaced by {@code _}, cut to 500 characters;
     *         {@code ""} for null
     */
    public static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            out.append(breaksLine(c) ? '_' : c);
        }
        return text.length() > MAX ? out + "..." : out.toString();
    }

    private static boolean breaksLine(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
