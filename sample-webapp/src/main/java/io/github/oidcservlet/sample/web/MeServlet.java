package io.github.oidcservlet.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.core.OidcPrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code /api/me}: the signed-in user as JSON, {@code {"name": ..., "roles": [...], "claims": {...}}}. */
public final class MeServlet extends HttpServlet {

    /** Configured once, then only read: ObjectMapper is thread-safe for that. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OidcPrincipal> user = CurrentUser.of(request);
        Map<String, Object> body = new LinkedHashMap<>();
        if (user.isEmpty()) {
            // Only reachable when the filter does not cover this path: a deployment mistake, not a login prompt.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            body.put("error", "not_authenticated");
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            body.put("name", user.get().getName());
            body.put("roles", new TreeSet<>(user.get().getRoles()));
            body.put("claims", new TreeMap<>(user.get().getClaims()));
        }
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
