package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.web.OidcEngine;

import java.util.List;

/**
 * The engines of the application's provider registrations, one each, in the order of {@code providers}: a login
 * goes back to the engine of the registration it was made with, for its refresh, logout and revocation.
 */
public final class EngineSet {

    private final OidcEngine[] engines;
    private final String[] names;

    /** @param engines one per registration, at least one */
    public EngineSet(List<OidcEngine> engines) {
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("no engine");
        }
        this.engines = engines.toArray(OidcEngine[]::new);
        this.names = engines.stream().map(engine -> engine.config().registration()).toArray(String[]::new);
    }

    /**
     * The engine of the registration a login was made with; on the hot path, so a comparison per registration
     * (a handful) rather than a hash lookup.
     *
     * @return the engine, or null when the login's registration is not configured (any more)
     */
    public OidcEngine of(OidcLogin login) {
        String registration = login.registrationId();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(registration)) {
                return engines[i];
            }
        }
        return null;
    }

    /** @return the engine of that name, or null (also for null) */
    public OidcEngine named(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return engines[i];
            }
        }
        return null;
    }

    /** @return whether a back-channel logout ended this login at its registration's provider */
    public boolean isEnded(OidcLogin login) {
        OidcEngine engine = of(login);
        return engine != null && engine.isEnded(login);
    }

    /** @return the first registration's engine (the only one without {@code providers}) */
    public OidcEngine first() {
        return engines[0];
    }

    /** @return whether there is more than one registration to choose from */
    public boolean several() {
        return engines.length > 1;
    }

    /** @return every engine, in the order of {@code providers} */
    public List<OidcEngine> all() {
        return List.of(engines);
    }

    /** @return every registration's configuration, in the order of {@code providers} */
    public List<OidcConfig> configs() {
        return all().stream().map(OidcEngine::config).toList();
    }
}
