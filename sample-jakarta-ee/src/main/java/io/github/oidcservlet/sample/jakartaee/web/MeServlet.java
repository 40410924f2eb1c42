package io.github.oidcservlet.sample.jakartaee.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oidcservlet.jakarta.OidcContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
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
 * {@code /api/me}: {@code {"name": ..., "roles": [...], "claims": {...}, "registration": ...}}; the name from
 * {@code SecurityContext}, the roles and the provider registration of the login ({@code default} with one provider)
 * from {@code OidcContext}, the claims from the standard {@code OpenIdContext} (as code written for the
 * server's built-in OpenID mechanism reads them). Any logged-in caller ({@code "**"}).
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

    @Inject
    private transient OpenIdContext openId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", security.getCallerPrincipal().getName());
        body.put("roles", new TreeSet<>(oidc.getRoles()));
        body.put("claims", sorted(JSON.readTree(openId.getClaimsJson().toString())));
        body.put("registration", oidc.getRegistration());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static Map<String, JsonNode> sorted(JsonNode claims) {
        Map<String, JsonNode> byName = new TreeMap<>();
        claims.properties().forEach(claim -> byName.put(claim.getKey(), claim.getValue()));
        return byName;
    }
}
