package io.github.oidcservlet.sample.jakartaee.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.jakarta.OidcContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /api/me}: {@code {"name": ..., "roles": [...], "claims": {...}}}; the name from {@code SecurityContext},
 * roles and claims from {@code OidcContext}. Any logged-in caller ({@code "**"}).
 */
@WebServlet(name = "me", urlPatterns = "/api/me")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private transient SecurityContext security;

    @Inject
    private transient OidcContext oidc;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", security.getCallerPrincipal().getName());
        body.put("roles", new TreeSet<>(oidc.getRoles()));
        body.put("claims", new TreeMap<>(oidc.getClaims()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
