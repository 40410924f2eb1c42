package io.github.oidcservlet.core.internal.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which keys belong to a provider registration and which to the whole application. A registration's own keys
 * (the provider, the client, its display name and rules) are never taken from the un-named keys when
 * {@code providers} names the registrations: a client secret must not travel to another provider. Its login
 * preferences (scopes, claims, algorithms, userinfo) fall back to the un-named key, then to the default. Every
 * other key (paths, base URL, timeouts, store, cookies) is the application's, written without a name.
 */
public final class RegistrationKeys {

    /** Written per registration only. */
    private static final Set<ConfigKey> OWN = EnumSet.of(ConfigKey.ISSUER, ConfigKey.DISCOVERY_URI,
            ConfigKey.AUTHORIZATION_ENDPOINT, ConfigKey.TOKEN_ENDPOINT, ConfigKey.USERINFO_ENDPOINT,
            ConfigKey.JWKS_URI, ConfigKey.END_SESSION_ENDPOINT, ConfigKey.REVOCATION_ENDPOINT, ConfigKey.CLIENT_ID,
            ConfigKey.CLIENT_SECRET, ConfigKey.CLIENT_AUTH_METHOD, ConfigKey.CLIENT_PRIVATE_KEY,
            ConfigKey.CLIENT_ASSERTION_AUDIENCE, ConfigKey.DISPLAY_NAME, ConfigKey.PATHS, ConfigKey.HOSTS,
            ConfigKey.PAR_ENDPOINT, ConfigKey.TENANTS);

    /** Per registration, with the un-named key as the default. */
    private static final Set<ConfigKey> INHERITED = EnumSet.of(ConfigKey.SCOPES, ConfigKey.EXTRA_AUTH_PARAMS,
            ConfigKey.ID_TOKEN_ALGS, ConfigKey.PRINCIPAL_CLAIM, ConfigKey.ROLES_CLAIM, ConfigKey.USERINFO,
            ConfigKey.EXPIRES_IN_UNIT, ConfigKey.PAR);

    /** Only meaningful for a named registration. */
    private static final Set<ConfigKey> NAMED_ONLY = EnumSet.of(ConfigKey.PATHS, ConfigKey.HOSTS);

    private RegistrationKeys() {
    }

    /** {@return whether a registration has its own value of this key} */
    public static boolean perRegistration(ConfigKey key) {
        return OWN.contains(key) || INHERITED.contains(key);
    }

    /** {@return whether a named registration without its own value takes the un-named key's} */
    public static boolean inherited(ConfigKey key) {
        return INHERITED.contains(key);
    }

    /** {@return whether the key only applies to a registration named in {@code providers}} */
    public static boolean namedOnly(ConfigKey key) {
        return NAMED_ONLY.contains(key);
    }

    /** {@return the keys a named registration never takes from the un-named form} */
    public static Set<ConfigKey> own() {
        return OWN;
    }

    /** {@return a key by its plain spelling ({@code client-id}), or null} */
    public static ConfigKey byName(String plainKey) {
        for (ConfigKey key : ConfigKey.values()) {
            if (key.key().equals(plainKey)) {
                return key;
            }
        }
        return null;
    }
}
