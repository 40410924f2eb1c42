package io.github.oidcservlet.sample.jakartaee.web;

import io.github.oidcservlet.jakarta.OidcAuthenticationMechanismDefinition;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Switches the OpenID Connect mechanism on. The provider and the client come from {@code OIDC_*} environment
 * variables or {@code oidc.*} system properties (the launcher sets those for its demo provider); attributes
 * here are the lowest precedence.
 */
@ApplicationScoped
@DeclareRoles({"admin", "users"})
@OidcAuthenticationMechanismDefinition(rolesClaim = "groups", apiPaths = "/api/*")
public class SampleSecurity {
}
