package io.github.oidcservlet.sample.jakartaee.web;

import io.github.oidcservlet.sample.web.Pages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /admin}: two checks. The servlet constraint {@code "**"} (any logged-in caller) sends anonymous browsers
 * to the provider; {@link AdminPage}'s {@code @RolesAllowed("admin")} then decides between admin and not: a
 * logged-in caller without the role gets the filter sample's own 403 page, never the container's.
 */
@WebServlet(name = "admin", urlPatterns = "/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient AdminPage page;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body;
        try {
            body = page.bodyHtml(request.isUserInRole(io.github.oidcservlet.sample.web.AdminServlet.ROLE));
        } catch (EJBAccessException withoutTheRole) {
            // "If the container denies a client access to a business method, the container must throw the
            // jakarta.ejb.EJBAccessException" (Enterprise Beans 4.0 Core, "Runtime Security Enforcement").
            io.github.oidcservlet.sample.web.AdminServlet.forbidden(request, response, request.getRemoteUser());
            return;
        }
        Pages.write(request, response, HttpServletResponse.SC_OK, "Admin", body);
    }
}
