package io.github.oidcservlet.sample.jakartaee.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import io.github.oidcservlet.sample.web.Pages;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /}: the public home page, with the way in (a protected page) and the way out. */
@WebServlet(name = "home", urlPatterns = "")
public class HomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = escape(request.getContextPath());
        // Unprotected: anonymous unless the session already holds a login.
        String who = security.getCallerPrincipal() == null
                ? ""
                : "<p>Signed in as <strong>" + escape(security.getCallerPrincipal().getName()) + "</strong>.</p>\n";
        Pages.write(request, response, HttpServletResponse.SC_OK, "Welcome", who
                + "<p>This page is public. The other pages are protected with <code>@ServletSecurity</code> and "
                + "the OpenID Connect <code>HttpAuthenticationMechanism</code>: opening one sends you to the "
                + "OpenID Provider to log in.</p>\n"
                + "<ul>\n"
                + "<li><a href=\"" + root + "/profile\">Log in</a> and see your profile and claims</li>\n"
                + "<li><a href=\"" + root + "/admin\">Admin page</a>, for users with the <code>admin</code> role</li>\n"
                + "<li><a href=\"" + root + "/api/me\">/api/me</a>, the same user as JSON</li>\n"
                + "<li><a href=\"" + root + "/public/ping\">/public/ping</a> (public) and "
                + "<a href=\"" + root + "/api/ping\">/api/ping</a> (protected API: 401 without a session)</li>\n"
                + "<li><a href=\"" + root + "/oidc/logout\">Log out</a></li>\n"
                + "</ul>");
    }
}
