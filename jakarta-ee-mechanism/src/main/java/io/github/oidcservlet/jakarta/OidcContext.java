package io.github.oidcservlet.jakarta;

import io.github.oidcservlet.core.OidcPrincipal;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.jakarta.internal.OidcMechanismExtension;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenID Connect caller of the current request: {@code @Inject OidcContext oidc;}. Request-scoped; reads the
 * login the mechanism authenticated this request with. On an anonymous request {@link #isAuthenticated()} is
 * false and the other getters throw {@link IllegalStateException}. {@link #toString()} shows no token.
 *
 * <p>Not final: the container proxies request-scoped beans.
 */
@RequestScoped
public class OidcContext {

    @Inject
    HttpServletRequest request;

    @Inject
    OidcMechanismExtension extension;

    /** {@return whether this request has a logged-in OpenID Connect caller} */
    public boolean isAuthenticated() {
        return find().isPresent();
    }

    /** {@return the caller as a principal with name, roles and claims} */
    public OidcPrincipal getPrincipal() {
        return session().principal();
    }

    /** {@return the value of {@code principal-claim}: the caller principal's name} */
    public String getPrincipalName() {
        return session().principalName();
    }

    /** {@return the provider's subject identifier ({@code sub})} */
    public String getSubject() {
        return session().subject();
    }

    /** {@return the values of {@code roles-claim}, which the container knows as the caller's groups} */
    public Set<String> getRoles() {
        return session().roles();
    }

    /** {@return ID token claims with userinfo claims on top; unmodifiable JSON types} */
    public Map<String, Object> getClaims() {
        return session().claims();
    }

    /**
     * One claim of the user.
     *
     * @param name the claim's name, e.g. {@code email}
     * @return its value, if present
     */
    public Optional<Object> getClaim(String name) {
        return Optional.ofNullable(getClaims().get(name));
    }

    /** {@return the ID token (compact JWS), as validated at login} */
    public String getIdToken() {
        return session().idToken();
    }

    /** {@return the access token, for calling APIs on the caller's behalf} */
    public String getAccessToken() {
        return session().accessToken();
    }

    /** {@return the refresh token, when the provider issued one} */
    public Optional<String> getRefreshToken() {
        return Optional.ofNullable(session().refreshToken());
    }

    /** {@return when the access token expires} */
    public Instant getExpiresAt() {
        return Instant.ofEpochMilli(session().expiresAtMillis());
    }

    /**
     * The provider registration the caller logged in with: a name {@code providers} lists, or {@code default} for
     * the one registration of the un-named keys.
     *
     * @return the registration's name
     */
    public String getRegistration() {
        return session().registrationId();
    }

    /**
     * What the login chooser calls the caller's registration: its {@code display-name}, else its name.
     *
     * @return the registration's display name
     */
    public String getRegistrationDisplayName() {
        String registration = getRegistration();
        OidcEngine engine = extension.engineOf(registration);
        return engine.config().registration().equals(registration) ? engine.config().displayName() : registration;
    }

    /** {@return the login behind this request, if any} */
    public Optional<OidcLogin> find() {
        return request.getAttribute(OidcAuthenticationMechanism.SESSION_REQUEST_ATTRIBUTE) instanceof OidcLogin s
                ? Optional.of(s)
                : Optional.empty();
    }

    private OidcLogin session() {
        return find().orElseThrow(() -> new IllegalStateException(
                "no OpenID Connect caller on this request: check isAuthenticated() first"));
    }

    @Override
    public String toString() {
        return "OidcContext[" + find().map(login -> login.principalName() + " of " + login.registrationId())
                .orElse("anonymous") + "]";
    }
}
