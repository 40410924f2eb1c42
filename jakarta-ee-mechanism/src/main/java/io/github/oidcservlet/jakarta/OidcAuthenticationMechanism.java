package io.github.oidcservlet.jakarta;

import io.github.oidcservlet.jakarta.internal.OidcMechanismExtension;
import io.github.oidcservlet.jakarta.internal.WildFlyIntegratedJaspi;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.web.OidcWebAdapter;
import io.github.oidcservlet.core.web.Renewal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * OpenID Connect login as a Jakarta Security mechanism. The work is the web layer's (the same
 * {@link OidcWebAdapter} and servlet binding as the filter): this class only asks it and tells the container the
 * outcome. Every answer the adapter writes is committed before {@code SEND_CONTINUE}, so that no container writes
 * its own on top. The container calls it for every request:
 * <ul>
 *   <li>the callback and logout paths are answered by the adapter (a redirect or an error page);</li>
 *   <li>a request whose HTTP session holds an active login is authenticated as that caller, with the
 *       {@code roles-claim} values as groups, whether or not the resource is protected;</li>
 *   <li>an anonymous request for a protected resource is challenged: 401 for API calls, a redirect to the
 *       provider for browser navigations;</li>
 *   <li>anything else stays anonymous.</li>
 * </ul>
 * Not final: the container proxies application-scoped beans.
 */
@ApplicationScoped
public class OidcAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final System.Logger LOG = System.getLogger(OidcAuthenticationMechanism.class.getName());

    /** Request attribute holding the {@link OidcLogin} the request was authenticated with. */
    public static final String SESSION_REQUEST_ATTRIBUTE = "io.github.oidcservlet.jakarta.session";

    @Inject
    OidcMechanismExtension extension;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter = extension.adapter();
        try {
            switch (adapter.route(request)) {
                case CALLBACK:
                    adapter.callback(request, response);
                    return sent(response);
                case LOGOUT:
                    adapter.logout(request, response);
                    return sent(response);
                case BACKCHANNEL_LOGOUT:
                    adapter.backchannelLogout(request, response);
                    return sent(response);
                case LOGIN:
                    adapter.login(request, response);
                    return sent(response);
                default:
                    return authenticate(adapter, request, response, context);
            }
        } catch (IOException e) {
            // The client went away while the answer was written; nothing else to tell it.
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private static AuthenticationStatus authenticate(OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter,
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) throws IOException {
        OidcLogin session = adapter.activeLogin(request);
        Renewal renewal = null;
        if (session == null) {
            renewal = adapter.renew(request);
            session = renewal instanceof Renewal.Active active ? active.session() : null;
        }
        if (session != null) {
            request.setAttribute(SESSION_REQUEST_ATTRIBUTE, session);
            try {
                return context.notifyContainerAboutLogin(new CallerPrincipal(session.principalName()),
                        session.roles());
            } catch (RuntimeException refused) {
                String explanation = WildFlyIntegratedJaspi.explain(refused);
                if (explanation != null) {
                    LOG.log(System.Logger.Level.ERROR, explanation);
                }
                throw refused;
            }
        }
        if (context.isProtected() || context.isAuthenticationRequest()) {
            adapter.challenge(request, response, renewal);
            return sent(response);
        }
        return context.doNothing();
    }

    /**
     * The adapter has written the whole answer: send it and end it, so that the container adds nothing. Left open,
     * Open Liberty writes its own redirect to a form-login page over an uncommitted 302 ({@code Location cannot be
     * null}, a 500), and WildFly's Undertow replaces a 4xx of a request that stays unauthenticated by the
     * application's error page ({@code sendError} unless the exchange is complete). {@code SEND_CONTINUE}: "Calling
     * application code (if any) should not write to the response at this point" (its javadoc, Jakarta Security 3.0).
     * Until the servlet-neutral adapter commits its answers itself.
     */
    private static AuthenticationStatus sent(HttpServletResponse response) throws IOException {
        response.flushBuffer();
        try {
            response.getOutputStream().close();
        } catch (IllegalStateException writerInUse) {
            response.getWriter().close();
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * {@code HttpServletRequest.logout()}: the container forgets the caller, and the stored login goes too, so
     * the next request is anonymous. The HTTP session and the provider's session stay (the logout path ends both).
     */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter = extension.adapter();
        adapter.sessions().forget(request);
        request.removeAttribute(SESSION_REQUEST_ATTRIBUTE);
    }
}
