package io.github.oidcservlet.sample.jakartaee.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import io.github.oidcservlet.sample.web.Pages;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /admin}: the container lets only callers in role {@code admin} in (403 for the others, through the
 * error page); the page then asks {@code SecurityContext} and the request once more, to show both agree.
 */
@WebServlet(name = "admin", urlPatterns = "/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = AdminServlet.ROLE))
public class AdminServlet extends HttpServlet {

    static final String ROLE = "admin";
    private static final long serialVersionUID = 1L;

    @Inject
    private transient SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = escape(security.getCallerPrincipal().getName());
        boolean both = security.isCallerInRole(ROLE) && request.isUserInRole(ROLE);
        Pages.write(request, response, HttpServletResponse.SC_OK, "Admin",
                "<p>Welcome, <strong>" + name + "</strong>: you have the <code>" + ROLE + "</code> role"
                        + (both ? "" : " (but SecurityContext and the request disagree)") + ".</p>");
    }
}
