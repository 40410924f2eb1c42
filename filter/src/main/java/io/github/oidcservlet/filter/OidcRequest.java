package io.github.oidcservlet.filter;

import io.github.oidcservlet.core.OidcPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;

/** The request as the application sees it once the user is logged in. Allocates nothing per call. */
final class OidcRequest extends HttpServletRequestWrapper {

    /** The value of {@link #getAuthType()}. */
    public static final String AUTH_TYPE = "OIDC";

    private final OidcPrincipal principal;

    public OidcRequest(HttpServletRequest request, OidcPrincipal principal) {
        super(request);
        this.principal = principal;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && principal.getRoles().contains(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
