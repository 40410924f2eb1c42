package io.github.oidcservlet.sample.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /}: the public home page, with the way in (a protected page) and the way out. */
public final class HomeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = escape(request.getContextPath());
        // A public path: the user is known here only when the session already holds a login.
        String who = request.getRemoteUser() == null
                ? ""
                : "<p>Signed in as <strong>" + escape(request.getRemoteUser()) + "</strong>.</p>\n";
        Pages.write(request, response, HttpServletResponse.SC_OK, "Welcome", who
                + "<p>This page is public. Every other page needs a login: "
                + "opening one sends you to the OpenID Provider to log in.</p>\n"
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
