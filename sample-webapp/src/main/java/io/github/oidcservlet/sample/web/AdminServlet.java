package io.github.oidcservlet.sample.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /admin}: only for users with the {@code admin} role (from the {@code roles-claim}), 403 for others. */
public final class AdminServlet extends HttpServlet {

    /** The role the admin page needs. */
    public static final String ROLE = "admin";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getRemoteUser();
        if (request.isUserInRole(ROLE)) {
            Pages.write(request, response, HttpServletResponse.SC_OK, "Admin", welcomeHtml(name, ""));
        } else {
            forbidden(request, response, name);
        }
    }

    /** The admin page's body for {@code name}; {@code remark} is markup added at the end of the sentence. */
    public static String welcomeHtml(String name, String remark) {
        return "<p>Welcome, <strong>" + escape(name) + "</strong>: you have the <code>" + ROLE + "</code> role"
                + remark + ".</p>";
    }

    /** The 403 page for a logged-in {@code name} without the role; the Jakarta EE sample writes the same one. */
    public static void forbidden(HttpServletRequest request, HttpServletResponse response, String name)
            throws IOException {
        Pages.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "<p>This page needs the <code>" + ROLE + "</code> role, and <strong>" + escape(name)
                        + "</strong> does not have it.</p>");
    }
}
