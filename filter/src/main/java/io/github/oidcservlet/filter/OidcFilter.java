package io.github.oidcservlet.filter;

import io.github.oidcservlet.filter.internal.JakartaServletBinding;
import io.github.oidcservlet.filter.internal.Resolvers;
import io.github.oidcservlet.core.internal.LogText;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.OidcRegistrations;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.web.OidcWebAdapter;
import io.github.oidcservlet.core.web.RegistrationResolver;
import io.github.oidcservlet.core.web.Renewal;
import io.github.oidcservlet.core.web.Route;
import io.github.oidcservlet.core.web.StartupCheck;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenID Connect login for any servlet application. Map it to {@code /*}; configure it with the init-params of
 * DESIGN.md ({@code issuer}, {@code client-id}, {@code client-secret}, ...), each overridable by the
 * {@code OIDC_*} environment variable and the {@code oidc.*} system property of the same key.
 *
 * <p>Every request is either public, authenticated from the HTTP session (a lookup and an expiry comparison),
 * or sent through the authorization code flow.
 */
public class OidcFilter implements Filter {

    private static final System.Logger LOG = System.getLogger(OidcFilter.class.getName());

    private final Clock clock;
    private final RegistrationResolver<HttpServletRequest> resolver;
    private volatile OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter;

    /**
     * The filter a container makes from {@code web.xml}; the system clock is its time source. With several
     * registrations, a {@link RegistrationResolver} the application names in
     * {@code META-INF/services/io.github.oidcservlet.core.web.RegistrationResolver} picks the provider in code.
     */
    public OidcFilter() {
        this(Clock.systemUTC(), null);
    }

    /**
     * A filter added in code ({@code ServletContext.addFilter}) whose application picks the provider registration
     * of anonymous requests itself, when there are several.
     *
     * @param resolver the application's choice, asked after {@code ?provider=} and before the paths and hosts rules
     */
    public OidcFilter(RegistrationResolver<HttpServletRequest> resolver) {
        this(Clock.systemUTC(), java.util.Objects.requireNonNull(resolver, "resolver"));
    }

    /** For tests that move time instead of waiting for it. */
    OidcFilter(Clock clock) {
        this(clock, null);
    }

    private OidcFilter(Clock clock, RegistrationResolver<HttpServletRequest> resolver) {
        this.clock = clock;
        this.resolver = resolver;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            params.put(name, filterConfig.getInitParameter(name));
        }
        OidcRegistrations registrations;
        try {
            registrations = OidcRegistrations.fromInitParams(params);
        } catch (OidcConfigException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        try {
            adapter = new OidcWebAdapter<>(StartupCheck.startEngines(registrations, clock), clock,
                    JakartaServletBinding.INSTANCE, resolver != null ? resolver : Resolvers.find());
        } catch (OidcConfigException | ProviderProtocolException e) {
            // a store that cannot be found or set up, or a discovery document that contradicts the configuration
            LOG.log(System.Logger.Level.ERROR, LogText.safe(e.getMessage()));
            throw new ServletException(e.getMessage(), e);
        }
        for (OidcConfig config : registrations.all()) {
            LOG.log(System.Logger.Level.INFO, "OpenID Connect login ready: " + config);
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        OidcWebAdapter<HttpServletRequest, HttpServletResponse> current = adapter;
        Route route = current.route(request);
        switch (route) {
            case CALLBACK -> current.callback(request, response);
            case LOGOUT -> current.logout(request, response);
            case BACKCHANNEL_LOGOUT -> current.backchannelLogout(request, response);
            case LOGIN -> current.login(request, response);
            case PUBLIC, PROTECTED -> {
                OidcLogin login = current.activeLogin(request);
                Renewal renewal = null;
                if (login == null) {
                    renewal = current.renew(request);
                    login = renewal instanceof Renewal.Active active ? active.session() : null;
                }
                if (login != null) {
                    chain.doFilter(new OidcRequest(request, login.principal()), response);
                } else if (route == Route.PUBLIC) {
                    chain.doFilter(request, response);
                } else {
                    current.challenge(request, response, renewal);
                }
            }
        }
    }

    @Override
    public void destroy() {
        OidcWebAdapter<?, ?> stopped = adapter;
        adapter = null;
        if (stopped != null) {
            // Own the lifecycle: no revocation thread outlives the application (it would pin its classes).
            stopped.close();
        }
    }
}
