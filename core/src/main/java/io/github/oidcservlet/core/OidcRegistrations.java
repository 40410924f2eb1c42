package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.config.ApplicationSettings;
import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.internal.config.ConfigReader;
import io.github.oidcservlet.core.internal.config.RegistrationNames;
import io.github.oidcservlet.core.internal.config.UnknownKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of an application: its provider registrations, one {@link OidcConfig} each, immutable. Without
 * {@code providers} the un-named keys make the single registration {@code default}, as they always have. With
 * {@code providers=google,work} each name is a registration reading its own keys: init-param {@code work.issuer},
 * system property {@code oidc.work.issuer}, environment variable {@code OIDC_WORK_ISSUER}. A registration's provider
 * and client keys are its own only; its login preferences ({@code scopes}, {@code extra-auth-params},
 * {@code id-token-algs}, {@code principal-claim}, {@code roles-claim}, {@code userinfo}, {@code expires-in-unit})
 * default to the un-named key; the application's keys (paths, {@code base-url}, timeouts, store, cookies) are
 * written without a name and shared. Every problem of every registration is reported at once.
 */
public final class OidcRegistrations {

    private final List<OidcConfig> all;
    private final String providersKey;

    private OidcRegistrations(List<OidcConfig> all, String providersKey) {
        this.all = List.copyOf(all);
        this.providersKey = providersKey;
    }

    /**
     * Reads every registration from a source.
     *
     * @param source where the values come from, e.g. {@link ConfigSource#standard(Map)}
     * @return the checked registrations
     * @throws OidcConfigException listing every problem, each naming its key as the user wrote it
     */
    public static OidcRegistrations from(ConfigSource source) {
        return read(source, Map.of());
    }

    /**
     * Reads every registration from {@code web.xml} init-params (or annotation attributes) overridden by environment
     * variables and system properties; an init-param that is no known key is a problem too.
     *
     * @param initParams the init-params, keyed by the plain key ({@code client-id}) or the named one
     *                   ({@code work.client-id})
     * @return the checked registrations
     * @throws OidcConfigException listing every problem, each naming its key as the user wrote it
     */
    public static OidcRegistrations fromInitParams(Map<String, String> initParams) {
        return read(ConfigSource.standard(initParams), initParams);
    }

    private static OidcRegistrations read(ConfigSource source, Map<String, String> initParams) {
        ConfigReader in = new ConfigReader(source);
        ApplicationSettings app = ApplicationSettings.read(in);
        List<String> names = RegistrationNames.read(in);
        List<OidcConfig> configs = new ArrayList<>();
        if (names.isEmpty() && in.source().value(ConfigKey.PROVIDERS).isEmpty()) {
            UnknownKeys.checkNamedOnlyKeys(in);
            configs.add(OidcConfig.read(in, app));
        } else {
            UnknownKeys.checkUnnamedOwnKeys(in);
            for (String name : names) {
                configs.add(OidcConfig.read(in.forRegistration(name), app));
            }
            UnknownKeys.checkNamed(in, names);
        }
        UnknownKeys.checkInitParams(in, initParams, names);
        if (!in.problems().isEmpty()) {
            // a problem of an un-named key that several registrations inherit is told once
            throw new OidcConfigException(List.copyOf(new LinkedHashSet<>(in.problems())));
        }
        return new OidcRegistrations(configs, in.describe(ConfigKey.PROVIDERS));
    }

    /** {@return every registration, in the order of {@code providers}; the one {@code default} without it} */
    public List<OidcConfig> all() {
        return all;
    }

    /**
     * A registration by its name.
     *
     * @param name the name in {@code providers}, or {@code default}
     * @return the registration, if there is one of that name
     */
    public Optional<OidcConfig> named(String name) {
        return all.stream().filter(config -> config.registration().equals(name)).findFirst();
    }

    /** The only registration, for a front door that serves one; more than one is a configuration problem. */
    OidcConfig single() {
        if (all.size() != 1) {
            throw new OidcConfigException(List.of(providersKey + " names " + all.size() + " registrations ("
                    + String.join(", ", all.stream().map(OidcConfig::registration).toList())
                    + "), but this reads one; read them with OidcRegistrations"));
        }
        return all.get(0);
    }

    @Override
    public String toString() {
        return "OidcRegistrations" + all;
    }
}
