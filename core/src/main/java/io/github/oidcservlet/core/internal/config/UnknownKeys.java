package io.github.oidcservlet.core.internal.config;

import java.util.List;
import java.util.Map;

/**
 * Keys written that are none: an init-param that is no key, a named key of a registration that is no
 * per-registration key ({@code OIDC_WORK_ISUER}, {@code work.logout-path}), a named init-param of a registration
 * {@code providers} does not name, and, with {@code providers}, the un-named keys a registration must have its own
 * of. Each reported with a "did you mean" hint where one is near.
 */
public final class UnknownKeys {

    private UnknownKeys() {
    }

    /**
     * Checks the {@code web.xml} init-params: each is a key, a {@code store-*} key, or {@code <name>.<key>} of a
     * registration {@code providers} names.
     */
    public static void checkInitParams(ConfigReader in, Map<String, String> initParams, List<String> names) {
        for (String name : initParams.keySet()) {
            int dot = name.indexOf('.');
            if (dot > 0) {
                String registration = name.substring(0, dot);
                if (!names.contains(registration)) {
                    in.problems().add("init-param '" + name + "' is for registration '" + registration + "', which "
                            + in.describe(ConfigKey.PROVIDERS) + " does not name" + nearest(registration, names));
                }
            } else if (RegistrationKeys.byName(name) == null && !name.startsWith(ConfigKey.STORE.key() + "-")) {
                // store-* keys are passed through to the chosen store, which checks them
                in.problems().add("init-param '" + name + "' is not a known key" + KeySuggestions.forName(name));
            }
        }
    }

    /** Checks what every source holds under each registration's name ({@code OIDC_WORK_*}, {@code oidc.work.*}). */
    public static void checkNamed(ConfigReader in, List<String> names) {
        for (String name : names) {
            in.source().registrationKeys(name).forEach((written, plain) -> {
                if (belongsToLongerName(name, plain, names)) {
                    return;
                }
                ConfigKey key = RegistrationKeys.byName(plain);
                if (key == null) {
                    in.problems().add(written + " is no key of registration '" + name + "'"
                            + KeySuggestions.forName(plain));
                } else if (!RegistrationKeys.perRegistration(key)) {
                    in.problems().add(written + " is not a registration's key: " + key.key()
                            + " applies to the whole application; write it without the registration's name");
                }
            });
        }
    }

    /** With {@code providers}, a registration's own keys written without a name would be ignored: refused. */
    public static void checkUnnamedOwnKeys(ConfigReader in) {
        for (ConfigKey key : RegistrationKeys.own()) {
            if (in.source().value(key).isPresent()) {
                in.problem(key, "is set, but " + in.describe(ConfigKey.PROVIDERS) + " names the registrations and "
                        + "each has its own " + key.key() + " (written with its name, e.g. <name>." + key.key() + ")");
            }
        }
    }

    /** Without {@code providers}, the keys that only a named registration has are refused. */
    public static void checkNamedOnlyKeys(ConfigReader in) {
        for (ConfigKey key : RegistrationKeys.own()) {
            if (RegistrationKeys.namedOnly(key) && in.source().value(key).isPresent()) {
                in.problem(key, "only applies to a registration named in providers (e.g. <name>." + key.key() + ")");
            }
        }
    }

    /** {@code OIDC_WORK_EU_ISSUER} is registration {@code work-eu}'s, not {@code work}'s key {@code eu-issuer}. */
    private static boolean belongsToLongerName(String name, String plain, List<String> names) {
        String joined = name + "-" + plain;
        return names.stream().anyMatch(other -> other.length() > name.length() && joined.startsWith(other + "-"));
    }

    private static String nearest(String typed, List<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int distance = KeySuggestions.distance(typed, name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(1, best.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }
}
