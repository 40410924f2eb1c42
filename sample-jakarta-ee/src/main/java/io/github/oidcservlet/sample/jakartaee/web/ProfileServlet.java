package io.github.oidcservlet.sample.jakartaee.web;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.jakarta.OidcContext;
import io.github.oidcservlet.sample.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /profile}: the caller's name, roles and claims, as the filter sample shows them, and with several providers
 * the one the caller logged in with. Any logged-in caller.
 */
@WebServlet(name = "profile", urlPatterns = "/profile")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class ProfileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient OidcContext oidc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String registration = oidc.getRegistration();
        // with several providers, which one this login came from; one provider's page stays as it was
        String provider = OidcLogin.DEFAULT_REGISTRATION.equals(registration) ? ""
                : "<p data-registration=\"" + Pages.escape(registration) + "\">Logged in with <strong>"
                + Pages.escape(oidc.getRegistrationDisplayName()) + "</strong>.</p>";
        Pages.write(request, response, HttpServletResponse.SC_OK, "Your profile",
                provider + io.github.oidcservlet.sample.web.ProfileServlet.html(oidc.getPrincipal()));
    }
}
