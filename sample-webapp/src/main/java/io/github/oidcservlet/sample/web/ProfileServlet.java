package io.github.oidcservlet.sample.web;

import static io.github.oidcservlet.sample.web.Pages.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.core.OidcPrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code /profile}: the signed-in user's name, roles and every claim, each value HTML-escaped. */
public final class ProfileServlet extends HttpServlet {

    /** Claims that OIDC Core defines as seconds since the epoch; shown with their date as well. */
    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time", "updated_at");

    /** Configured once, then only read: ObjectMapper is thread-safe for that. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OidcPrincipal> found = CurrentUser.of(request);
        if (found.isEmpty()) {
            // Only reachable when the filter does not cover this path: a deployment mistake, not a login prompt.
            Pages.write(request, response, HttpServletResponse.SC_FORBIDDEN, "Not signed in",
                    "<p>No OpenID Connect user on this request: is <code>OidcFilter</code> mapped to it?</p>");
            return;
        }
        Pages.write(request, response, HttpServletResponse.SC_OK, "Your profile", html(found.get()));
    }

    /** The profile page's content for a user, every value escaped; also used by the Jakarta EE sample. */
    public static String html(OidcPrincipal user) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<p>Signed in as <strong id=\"name\">").append(escape(user.getName()))
                .append("</strong>, subject <code id=\"subject\">").append(escape(user.getSubject()))
                .append("</code>.</p>\n");
        html.append("<p>Roles: <span id=\"roles\">");
        Set<String> roles = new TreeSet<>(user.getRoles());
        if (roles.isEmpty()) {
            html.append("none");
        }
        for (String role : roles) {
            html.append("<code>").append(escape(role)).append("</code> ");
        }
        html.append("</span></p>\n");
        html.append("<h2>Claims</h2>\n<table id=\"claims\">\n<thead><tr><th>claim</th><th>value</th></tr></thead>\n"
                + "<tbody>\n");
        for (Map.Entry<String, Object> claim : new TreeMap<>(user.getClaims()).entrySet()) {
            html.append("<tr data-claim=\"").append(escape(claim.getKey())).append("\"><th scope=\"row\"><code>")
                    .append(escape(claim.getKey())).append("</code></th><td><code>")
                    .append(escape(display(claim.getKey(), claim.getValue()))).append("</code></td></tr>\n");
        }
        html.append("</tbody>\n</table>");
        return html.toString();
    }

    /** A claim value as text: strings as they are, anything else as JSON, times with their date too. */
    private static String display(String name, Object value) throws IOException {
        if (value instanceof String text) {
            return text;
        }
        String json = JSON.writeValueAsString(value);
        if (TIME_CLAIMS.contains(name) && value instanceof Number seconds) {
            return json + " (" + Instant.ofEpochSecond(seconds.longValue()) + ")";
        }
        return json;
    }
}
