package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.OidcRegistrations;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.web.OidcWebAdapter;
import io.github.oidcservlet.core.web.StartupCheck;
import io.github.oidcservlet.filter.internal.JakartaServletBinding;
import io.github.oidcservlet.filter.internal.Resolvers;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@link OidcAuthenticationMechanismDefinition} among the application's beans and, once the deployment is
 * otherwise valid, reads and checks the configuration and starts one engine per provider registration (an
 * application's {@code RegistrationResolver} found through {@code ServiceLoader}, as the filter finds it). A bad configuration or a provider
 * whose discovery document contradicts it becomes a CDI deployment problem: the deployment fails with the
 * message naming each key. Not final: the container makes a bean of every extension.
 */
public class OidcMechanismExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(OidcMechanismExtension.class.getName());

    private final List<Class<?>> annotated = new ArrayList<>();
    private OidcAuthenticationMechanismDefinition definition;
    private volatile OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter;

    /** The extension as the container makes it, through {@code ServiceLoader}. */
    public OidcMechanismExtension() {
    }

    /** An extension over an adapter started elsewhere, for tests. */
    OidcMechanismExtension(OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter) {
        this.adapter = adapter;
    }

    <T> void findDefinition(@Observes @WithAnnotations(OidcAuthenticationMechanismDefinition.class)
                            ProcessAnnotatedType<T> event) {
        OidcAuthenticationMechanismDefinition found =
                event.getAnnotatedType().getAnnotation(OidcAuthenticationMechanismDefinition.class);
        if (found != null) {
            annotated.add(event.getAnnotatedType().getJavaClass());
            definition = found;
        }
    }

    void start(@Observes AfterDeploymentValidation event) {
        if (annotated.size() > 1) {
            fail(event, new OidcConfigException(List.of("@OidcAuthenticationMechanismDefinition is on "
                    + annotated.size() + " classes (" + names() + "); keep it on one")));
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            OidcRegistrations registrations = MechanismConfig.read(definition, System.getProperties(),
                    System.getenv(), MicroProfileConfig.find(loader == null ? getClass().getClassLoader() : loader));
            if (!registrations.all().get(0).publicPaths().isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "public-paths is ignored by the Jakarta Security mechanism: "
                        + "the application's security constraints decide which resources need a login");
            }
            Clock clock = Clock.systemUTC();
            adapter = new OidcWebAdapter<>(StartupCheck.startEngines(registrations, clock), clock,
                    JakartaServletBinding.INSTANCE, Resolvers.find());
            for (OidcConfig config : registrations.all()) {
                LOG.log(System.Logger.Level.INFO, "OpenID Connect mechanism ready: " + config);
            }
            if (WildFlyIntegratedJaspi.runningOnWildFly(System.getProperties())) {
                LOG.log(System.Logger.Level.INFO, WildFlyIntegratedJaspi.startHint());
            }
        } catch (OidcConfigException | ProviderProtocolException e) {
            fail(event, e);
        }
    }

    /** Stops every registration's engine, and its background threads, with the application. */
    void stop(@Observes BeforeShutdown event) {
        OidcWebAdapter<?, ?> started = adapter;
        adapter = null;
        if (started != null) {
            started.close();
        }
    }

    /** The web adapter the mechanism drives. */
    public OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter() {
        OidcWebAdapter<HttpServletRequest, HttpServletResponse> started = adapter;
        if (started == null) {
            throw new IllegalStateException("the OpenID Connect mechanism did not start; see the deployment log");
        }
        return started;
    }

    /**
     * The engine of a registration, for what a login's own provider says (its metadata, its requested scopes).
     *
     * @param registration the login's {@link io.github.oidcservlet.core.OidcLogin#registrationId()}
     * @return that registration's engine; the first one's for a name no longer configured
     */
    public OidcEngine engineOf(String registration) {
        OidcWebAdapter<HttpServletRequest, HttpServletResponse> started = adapter();
        return started.engines().stream().filter(engine -> engine.config().registration().equals(registration))
                .findFirst().orElse(started.engine());
    }

    /** Where the configuration came from, for tests and diagnostics. */
    Optional<OidcAuthenticationMechanismDefinition> definition() {
        return Optional.ofNullable(definition);
    }

    private static void fail(AfterDeploymentValidation event, Exception problem) {
        // Servers print deployment problems differently (some only the first line): log the whole message too.
        // A configuration problem lists the operator's own keys, one a line; any other quotes the provider.
        LOG.log(System.Logger.Level.ERROR, problem instanceof OidcConfigException
                ? problem.getMessage() : LogText.safe(problem.getMessage()));
        event.addDeploymentProblem(problem);
    }

    private String names() {
        return String.join(", ", annotated.stream().map(Class::getName).toList());
    }
}
