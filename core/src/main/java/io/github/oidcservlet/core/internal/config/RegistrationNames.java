package io.github.oidcservlet.core.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code providers} key: the names of the registrations, each lower-case letters, digits and inner hyphens, so
 * that it reads the same in {@code web.xml} ({@code work.issuer}), system properties ({@code oidc.work.issuer}) and
 * environment variables ({@code OIDC_WORK_ISSUER}). A name is refused when one of its environment variables would
 * also be another's ({@code a} with {@code client-id} and {@code a-client} with {@code id}), an un-named key's, or a
 * store key's ({@code OIDC_STORE_*} is passed to the store).
 */
public final class RegistrationNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private RegistrationNames() {
    }

    /** {@return the names {@code providers} lists, in order; empty when it is unset (the un-named registration)} */
    public static List<String> read(ConfigReader in) {
        Optional<String> text = in.optional(ConfigKey.PROVIDERS);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        int problemsBefore = in.problems().size();
        for (String name : Arrays.stream(text.get().split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList()) {
            if (!NAME.matcher(name).matches()) {
                in.problem(ConfigKey.PROVIDERS, "has '" + name + "': a registration's name is lower-case letters, "
                        + "digits and hyphens (a-z, 0-9, -), starting and ending with a letter or digit");
            } else if (name.equals("default")) {
                in.problem(ConfigKey.PROVIDERS, "has 'default', the name of the registration of the un-named keys; "
                        + "choose another");
            } else if (names.contains(name)) {
                in.problem(ConfigKey.PROVIDERS, "has '" + name + "' twice");
            } else {
                names.add(name);
            }
        }
        if (names.isEmpty() && in.problems().size() == problemsBefore) {
            in.problem(ConfigKey.PROVIDERS, "names no registration");
        }
        checkUnambiguous(in, names);
        return List.copyOf(names);
    }

    /** Environment variables are {@code OIDC_<NAME>_<KEY>}: no two may be the same, nor an un-named key's. */
    private static void checkUnambiguous(ConfigReader in, List<String> names) {
        Map<String, String> owners = new HashMap<>();
        for (String name : names) {
            for (ConfigKey key : ConfigKey.values()) {
                if (!RegistrationKeys.perRegistration(key)) {
                    continue;
                }
                String joined = name + "-" + key.key();
                String variable = "OIDC_" + joined.replace('-', '_').toUpperCase(Locale.ROOT);
                ConfigKey unnamed = RegistrationKeys.byName(joined);
                String other = owners.putIfAbsent(joined, name);
                if (unnamed != null || joined.startsWith(ConfigKey.STORE.key() + "-")) {
                    in.problem(ConfigKey.PROVIDERS, "has '" + name + "', whose " + variable + " would be read as "
                            + (unnamed != null ? "the un-named key " + unnamed.key() : "a store key") + "; choose another name");
                    break;
                } else if (other != null && !other.equals(name)) {
                    in.problem(ConfigKey.PROVIDERS, "has '" + other + "' and '" + name + "': " + variable
                            + " would belong to both; choose names that are not a prefix of the other plus a key");
                    break;
                }
            }
        }
    }
}
