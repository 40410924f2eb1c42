package io.github.oidcservlet.core;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

/**
 * The logged-in user as the application sees it through {@code request.getUserPrincipal()}.
 *
 * <p>Name and roles were computed once at login; the claims (ID token claims, then userinfo claims
 * on top) are decoded lazily, the first time an application asks for them, never on the hot path.
 *
 * @serial exclude
 */
public final class OidcPrincipal implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final OidcLogin session;

    OidcPrincipal(OidcLogin session) {
        this.session = session;
    }

    /**
     * The value of {@code principal-claim} ({@code preferred_username}, else {@code sub}): a display name, not an
     * identity (OIDC Core §5.7: it need not be unique); {@link #issuer()} and {@link #subject()} are.
     */
    @Override
    public String getName() {
        return session.principalName();
    }

    /** {@return the roles read from {@code roles-claim} at login, unmodifiable} */
    public Set<String> getRoles() {
        return session.roles();
    }

    /**
     * {@return ID token claims, with userinfo claims added; unmodifiable, JSON types (String, Number, Boolean, List,
     * Map)}
     */
    public Map<String, Object> getClaims() {
        return session.claims();
    }

    /** {@return the OpenID Provider's subject identifier ({@code sub})} */
    public String getSubject() {
        return session.subject();
    }

    /**
     * The provider's issuer identifier ({@code iss}). With {@link #subject()} it is the user's identity: key
     * application data by both (OIDC Core §5.7), never by {@link #getName()}, which need not be unique.
     *
     * @return the issuer, or null for a login made without one
     */
    public String issuer() {
        return session.issuer();
    }

    /** {@return the provider's subject identifier ({@code sub}), unique within {@link #issuer()}} */
    public String subject() {
        return session.subject();
    }

    /** {@return the session this principal belongs to (tokens and expiry)} */
    public OidcLogin getSession() {
        return session;
    }

    @Override
    public boolean equals(Object other) {
        // OIDC Core §5.7: iss and sub together identify the user; the name does not.
        return other instanceof OidcPrincipal that && session.isSameUser(that.session);
    }

    @Override
    public int hashCode() {
        return session.subject().hashCode();
    }

    @Override
    public String toString() {
        return "OidcPrincipal[" + getName() + "]";
    }
}
