package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;

import io.github.oidcservlet.core.OidcRegistrations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The start of every front door: the engines, each with its provider checked once. */
public final class StartupCheck {

    private static final System.Logger LOG = System.getLogger(StartupCheck.class.getName());

    private StartupCheck() {
    }

    /**
     * Creates the engine and checks the provider once: a discovery document that contradicts the configuration
     * fails start-up loudly; an unreachable provider does not (public pages must be served; discovery is retried at
     * the first login). A front door only translates the exception into its container's.
     *
     * @param config the checked configuration
     * @param clock the only time source of the engine and the adapter
     * @return the started engine
     * @throws ProviderProtocolException when the provider's discovery document is wrong (the engine is closed)
     */
    public static OidcEngine startEngine(OidcConfig config, Clock clock) {
        OidcEngine engine = OidcEngine.create(config, clock);
        try {
            engine.provider().metadata();
            // The first user must not wait for the JWKS either; a provider whose keys cannot be had now still starts.
            engine.provider().prefetchKeys();
        } catch (ProviderProtocolException e) {
            LOG.log(System.Logger.Level.ERROR, LogText.safe(e.getMessage()));
            engine.close();
            throw e;
        } catch (ProviderUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, LogText.safe(e.getMessage()) + "; will retry at the first login");
        }
        return engine;
    }

    /**
     * {@link #startEngine} for every registration, each with its own provider, HTTP client and stores; the keys and
     * discovery of each are fetched now, and an unreachable provider leaves the others' logins working.
     *
     * @param registrations the checked registrations
     * @param clock the only time source of the engines and the adapter
     * @return the started engines, in the order of {@code providers}
     * @throws ProviderProtocolException when a provider's discovery document is wrong (every engine is closed)
     */
    public static List<OidcEngine> startEngines(OidcRegistrations registrations, Clock clock) {
        List<OidcEngine> started = new ArrayList<>();
        try {
            for (OidcConfig config : registrations.all()) {
                started.add(startEngine(config, clock));
            }
        } catch (RuntimeException e) {
            started.forEach(OidcEngine::close);
            throw e;
        }
        return List.copyOf(started);
    }
}
