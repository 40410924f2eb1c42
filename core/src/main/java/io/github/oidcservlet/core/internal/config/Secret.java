package io.github.oidcservlet.core.internal.config;

import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/** A secret value that never shows itself in {@code toString}, logs or error pages. */
public final class Secret implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The secret itself: only for the wire. */
    public String reveal() {
        return value;
    }

    /** The UTF-8 bytes, for use as an HMAC key. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
