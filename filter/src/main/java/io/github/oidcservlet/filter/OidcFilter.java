package io.github.oidcservlet.filter;

import io.github.oidcservlet.core.OidcEngine;
import io.github.oidcservlet.core.config.OidcConfig;
import io.github.oidcservlet.core.config.OidcConfigException;
import io.github.oidcservlet.core.provider.ProviderProtocolException;
import io.github.oidcservlet.core.provider.ProviderUnavailableException;
import io.github.oidcservlet.core.session.OidcSession;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
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

    private volatile OidcHttpAdapter adapter;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            params.put(name, filterConfig.getInitParameter(name));
        }
        OidcConfig config;
        try {
            config = OidcConfig.fromInitParams(params);
        } catch (OidcConfigException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        adapter = new OidcHttpAdapter(start(config));
        LOG.log(System.Logger.Level.INFO, "OpenID Connect login ready: " + config);
    }

    /**
     * Creates the engine and checks the provider once: a wrong discovery document fails start-up loudly. The
     * discovery document and the keys are fetched here, so that the first login pays for neither.
     */
    public static OidcEngine start(OidcConfig config) throws ServletException {
        OidcEngine engine = OidcEngine.create(config);
        try {
            engine.provider().metadata();
            // The first user must not wait for the JWKS either; a provider whose keys cannot be had now still starts.
            engine.provider().prefetchKeys();
        } catch (ProviderProtocolException e) {
            LOG.log(System.Logger.Level.ERROR, e.getMessage());
            throw new ServletException(e.getMessage(), e);
        } catch (ProviderUnavailableException e) {
            // The application must start and serve public pages; discovery is retried at the first login.
            LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; will retry at the first login");
        }
        return engine;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        OidcHttpAdapter current = adapter;
        OidcHttpAdapter.Route route = current.route(request);
        switch (route) {
            case CALLBACK -> current.callback(request, response);
            case LOGOUT -> current.logout(request, response);
            case BACKCHANNEL_LOGOUT -> current.backchannelLogout(request, response);
            case PUBLIC, PROTECTED -> {
                OidcSession session = current.activeSession(request);
                if (session != null) {
                    chain.doFilter(new OidcRequest(request, session.principal()), response);
                } else if (route == OidcHttpAdapter.Route.PUBLIC) {
                    chain.doFilter(request, response);
                } else {
                    current.challenge(request, response);
                }
            }
        }
    }

    @Override
    public void destroy() {
        adapter = null;
    }
}
