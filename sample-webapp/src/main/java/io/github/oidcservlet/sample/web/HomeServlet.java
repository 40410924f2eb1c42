package io.github.oidcservlet.sample.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /}: the public home page, with the way in (a protected page) and, for a logged-in user, the way out. It is
 * also where a logout lands (the default {@code post-logout-redirect-uri}), which it says then.
 */
public final class HomeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = escape(request.getContextPath());
        // A public path: the user is known here only when the session already holds a login.
        String user = request.getRemoteUser();
        String status = user != null
                ? "<p>Signed in as <strong>" + escape(user) + "</strong>.</p>\n"
                : justLoggedOut(request) ? "<p role=\"status\" id=\"logged-out\">You are logged out.</p>\n" : "";
        Pages.write(request, response, HttpServletResponse.SC_OK, "Welcome", status
                + "<p>This page is public. Every other page needs a login: "
                + "opening one sends you to the OpenID Provider to log in.</p>\n"
                + "<ul>\n"
                + "<li><a href=\"" + root + "/profile\">" + (user == null ? "Log in" : "Your profile") + "</a>"
                + (user == null ? " and see your profile and claims" : " and claims") + "</li>\n"
                + "<li><a href=\"" + root + "/admin\">Admin page</a>, for users with the <code>admin</code> role</li>\n"
                + "<li><a href=\"" + root + "/api/me\">/api/me</a>, the same user as JSON</li>\n"
                + "<li><a href=\"" + root + "/public/ping\">/public/ping</a> (public) and "
                + "<a href=\"" + root + "/api/ping\">/api/ping</a> (protected API: 401 without a session)</li>\n"
                + (user == null ? "" : "<li><a href=\"" + root + "/oidc/logout\">Log out</a></li>\n")
                + "</ul>");
    }

    /**
     * Whether this anonymous request is the end of a logout in this browser: the provider sends the browser back
     * with the logout's {@code state} (OpenID RP-Initiated Logout 1.0 §3), and the browser still names the session
     * the logout invalidated. A link with a made-up {@code state} alone does not make a fresh visitor read that
     * they logged out.
     */
    private static boolean justLoggedOut(HttpServletRequest request) {
        return request.getParameter("state") != null && request.getRequestedSessionId() != null
                && !request.isRequestedSessionIdValid();
    }
}
