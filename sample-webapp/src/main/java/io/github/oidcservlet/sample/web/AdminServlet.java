package io.github.oidcservlet.sample.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /admin}: only for users with the {@code admin} role (from the {@code roles-claim}), 403 for others. */
public final class AdminServlet extends HttpServlet {

    static final String ROLE = "admin";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = escape(request.getRemoteUser());
        if (request.isUserInRole(ROLE)) {
            Pages.write(request, response, HttpServletResponse.SC_OK, "Admin",
                    "<p>Welcome, <strong>" + name + "</strong>: you have the <code>" + ROLE + "</code> role.</p>");
        } else {
            Pages.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "<p>This page needs the <code>" + ROLE + "</code> role, and <strong>" + name
                            + "</strong> does not have it.</p>");
        }
    }
}
