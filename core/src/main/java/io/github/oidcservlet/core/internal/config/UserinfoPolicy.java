package io.github.oidcservlet.core.internal.config;

import java.util.Locale;

/** When the login calls the UserInfo endpoint (key {@code userinfo}). */
public enum UserinfoPolicy {
    /** At every login, when the provider has a userinfo endpoint (the default). */
    ALWAYS,
    /** Never: the user's claims are the ID token's. */
    NEVER,
    /** Only when the ID token lacks the claims of a requested scope (see {@code core.login.UserinfoNeed}). */
    AUTO;

    public static UserinfoPolicy parse(ConfigReader in) {
        String text = in.optional(ConfigKey.USERINFO).orElseThrow().trim().toLowerCase(Locale.ROOT);
        for (UserinfoPolicy policy : values()) {
            if (policy.name().toLowerCase(Locale.ROOT).equals(text)) {
                return policy;
            }
        }
        in.problem(ConfigKey.USERINFO, "must be always, never or auto, got '" + text + "'");
        return ALWAYS;
    }
}
