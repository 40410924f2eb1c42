package io.github.oidcservlet.core.internal.config;

import java.util.Locale;
import java.util.Optional;

/** The client authentication methods of OpenID Connect Core 1.0 §9, by their registered names. */
public enum ClientAuthMethod {
    CLIENT_SECRET_BASIC,
    CLIENT_SECRET_POST,
    CLIENT_SECRET_JWT,
    PRIVATE_KEY_JWT,
    NONE;

    /** The name used in discovery and in configuration, e.g. {@code client_secret_basic}. */
    public String registeredName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ClientAuthMethod> parse(String text) {
        for (ClientAuthMethod method : values()) {
            if (method.registeredName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
