package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.session.Generations;
import io.github.oidcservlet.core.internal.session.LoginSerialForm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.github.oidcservlet.core.internal.RandomTokens;

import java.io.Serial;
import java.io.Serializable;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One logged-in user's state, stored in the HTTP session. Immutable and serializable (sessions may be persisted
 * or replicated). Principal name and roles are computed once at login; an authenticated request only compares
 * {@link #isActive(long, long)} — no parsing, no crypto, no I/O. The claims are decoded from the (already
 * verified) ID token and userinfo text only when an application asks for them.
 * {@link #toString()} shows no token.
 *
 * <p>A stream holds a login as its compact serial form (versioned, a few dozen bytes beyond the tokens), never as
 * these fields.
 *
 * @serial exclude
 */
public final class OidcLogin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The registration of a configuration that names none: the single provider of the application. */
    public static final String DEFAULT_REGISTRATION = "default";

    private final String loginId;
    private final String registrationId;
    private final String issuer;
    private final String clientId;
    private final String subject;
    private final String principalName;
    private final Set<String> roles;
    private final String idToken;
    private final String accessToken;
    private final String refreshToken;
    private final long expiresAtMillis;
    private final String userinfoJson;
    private final String sid;
    private final long loginAtMillis;
    private final long issuedAtMillis;
    private final String grantedScope;
    private final OidcPrincipal principal;
    private transient volatile Map<String, Object> claims;
    private transient volatile String generation;

    /** Only {@link OidcLoginBuilder#build()} makes a login. */
    OidcLogin(OidcLoginBuilder b) {
        this.loginId = b.loginId != null ? b.loginId : newLoginId();
        this.registrationId = b.registrationId;
        this.issuer = b.issuer;
        this.clientId = b.clientId;
        this.subject = Objects.requireNonNull(b.subject, "subject");
        this.principalName = b.principalName != null ? b.principalName : b.subject;
        // insertion order kept, so the roles read as the provider listed them
        this.roles = Collections.unmodifiableSet(new LinkedHashSet<>(b.roles));
        this.idToken = Objects.requireNonNull(b.idToken, "idToken");
        this.accessToken = Objects.requireNonNull(b.accessToken, "accessToken");
        this.refreshToken = b.refreshToken;
        this.expiresAtMillis = b.expiresAtMillis;
        this.userinfoJson = b.userinfoJson;
        this.sid = b.sid;
        this.loginAtMillis = b.loginAtMillis;
        this.issuedAtMillis = b.issuedAtMillis != null ? b.issuedAtMillis : b.loginAtMillis;
        this.grantedScope = b.grantedScope;
        this.principal = new OidcPrincipal(this);
    }

    /**
     * A builder for a new login; {@link OidcLoginBuilder#build()} gives it a fresh login id unless one is set.
     *
     * @return this builder
     */
    public static OidcLoginBuilder builder() {
        return new OidcLoginBuilder();
    }

    /**
     * A builder holding every value of this login, its login id included: a refresh changes the tokens and keeps
     * the rest.
     *
     * @return a builder with this login's values
     */
    public OidcLoginBuilder toBuilder() {
        return new OidcLoginBuilder().loginId(loginId).registrationId(registrationId).issuer(issuer).clientId(clientId)
                .subject(subject).principalName(principalName).roles(roles).idToken(idToken)
                .accessToken(accessToken).refreshToken(refreshToken).expiresAtMillis(expiresAtMillis)
                .userinfoJson(userinfoJson).sid(sid).loginAtMillis(loginAtMillis).issuedAtMillis(issuedAtMillis)
                .grantedScope(grantedScope);
    }

    /** {@return a new login id: 128 random bits, base64url (22 characters), unguessable and unique in practice} */
    public static String newLoginId() {
        return RandomTokens.of(16);
    }

    /** The serial form stands for this login in a stream: the values only, a few dozen bytes beyond the tokens. */
    @Serial
    private Object writeReplace() {
        return new LoginSerialForm(this);
    }

    /** Only the serial form may create a login from a stream; a crafted stream of fields is refused. */
    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("an OidcLogin is read through its LoginSerialForm");
    }

    /**
     * The hot-path check: whether the access token is valid for longer than {@code marginMillis}, so that the
     * login serves a request without a refresh. Unlike {@link #isValid(long)} it keeps a margin.
     *
     * @param nowMillis    the current time (epoch milliseconds)
     * @param marginMillis how long before expiry a login counts as due for refresh
     * @return true while {@code nowMillis} is before the expiry minus the margin
     */
    public boolean isActive(long nowMillis, long marginMillis) {
        return nowMillis < expiresAtMillis - marginMillis;
    }

    /**
     * Whether the access token itself has not expired (no margin): while it is valid, a refresh that fails because
     * the provider is unreachable can still let the request through.
     *
     * @param nowMillis the current time (epoch milliseconds)
     * @return true while {@code nowMillis} is before the access token's expiry
     */
    public boolean isValid(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }

    /** {@return the user as a {@link java.security.Principal}: name, roles, claims} */
    public OidcPrincipal principal() { return principal; }
    /**
     * {@return the login's stable id} Random, made at login, kept across refreshes and serialization, so every copy of
     * this login (a container may hand out a deserialized copy per request) has it. Per-login state (refresh
     * coordination, shared stores) is keyed by it, never by object identity.
     */
    public String loginId() { return loginId; }
    /**
     * {@return the name of the provider registration this login was made with ({@link #DEFAULT_REGISTRATION} for one)}
     */
    public String registrationId() { return registrationId; }
    /** {@return the {@code client_id} this login was made with, or null for a login read from an older serial form} */
    public String clientId() { return clientId; }
    /** {@return the provider's {@code iss}, or null for a session made without one} */
    public String issuer() { return issuer; }
    /** {@return the provider's subject identifier ({@code sub}), unique within {@link #issuer()}} */
    public String subject() { return subject; }
    /** {@return the name the application sees ({@code principal-claim}, else {@code sub}); not unique} */
    public String principalName() { return principalName; }
    /** {@return the roles from the {@code roles-claim}, in the provider's order; unmodifiable} */
    public Set<String> roles() { return roles; }
    /** {@return the verified ID token (compact JWS); a secret: never log it} */
    public String idToken() { return idToken; }
    /** {@return the access token, for calls to resource servers; a secret: never log it} */
    public String accessToken() { return accessToken; }
    /** {@return the refresh token, or null when the provider issued none} */
    public String refreshToken() { return refreshToken; }
    /** {@return when the access token expires (epoch milliseconds)} */
    public long expiresAtMillis() { return expiresAtMillis; }
    /**
     * {@return the provider's session id ({@code sid} of the ID token, OpenID Back-Channel Logout 1.0 §2.1), or null}
     */
    public String sid() { return sid; }
    /** {@return when the user logged in (epoch milliseconds); kept across refreshes} */
    public long loginAtMillis() { return loginAtMillis; }
    /**
     * {@return the {@code iat} of the login's ID token (epoch milliseconds, the provider's clock); kept across
     * refreshes}
     */
    public long issuedAtMillis() { return issuedAtMillis; }

    /**
     * Whether {@code other} is a login of the same user: same {@code iss} and {@code sub}. OIDC Core §5.7: "The
     * sub (subject) and iss (issuer) Claims, used together, are the only Claims that an RP can rely upon as a
     * stable identifier for the End-User"; the name ({@code preferred_username}) is not unique and never decides.
     *
     * @param other another login, or null
     * @return true for the same {@code iss} and {@code sub}
     */
    public boolean isSameUser(OidcLogin other) {
        return other != null && Objects.equals(issuer, other.issuer) && subject.equals(other.subject);
    }
    /**
     * Which tokens of the login this is: changes with every refresh (it is derived from the access token, which
     * every refresh replaces), equal for every copy of the same tokens. With {@link #loginId()} it keys one
     * refresh of one login, so the next refresh of a refreshed login is a new one.
     *
     * @return a short fingerprint of the access token (no token text)
     */
    public String generation() {
        String known = generation;
        if (known == null) {
            known = Generations.of(accessToken);
            generation = known;
        }
        return known;
    }

    /**
     * Whether {@code other} holds the same tokens of the same login (same {@link #loginId()}, same
     * {@link #generation()}), whichever copy of it each is; use it instead of {@code ==}, which a container that
     * deserializes the HTTP session per request breaks.
     *
     * @param other another login, or null
     * @return true for the same login id and the same tokens
     */
    public boolean isSameLoginAs(OidcLogin other) {
        return other == this || other != null && loginId.equals(other.loginId)
                && expiresAtMillis == other.expiresAtMillis && accessToken.equals(other.accessToken);
    }

    /**
     * Whether {@code other} is a copy of this login or of a refresh of it (same {@link #loginId()}).
     *
     * @param other another login, or null
     * @return true for the same login id
     */
    public boolean isLoginOf(OidcLogin other) {
        return other != null && loginId.equals(other.loginId);
    }

    /**
     * The scope the access token was granted when the provider said it differs from the requested one, or null:
     * RFC 6749 §3.3 and §5.1 let the provider leave {@code scope} out when it granted what was asked.
     *
     * @return the granted scope, or null when it is the requested one
     */
    public String grantedScope() { return grantedScope; }
    /** {@return the verified userinfo response of the login, or null} */
    public String userinfoJson() { return userinfoJson; }

    /** {@return ID token claims with userinfo claims on top; decoded once, on first use} */
    public Map<String, Object> claims() {
        Map<String, Object> known = claims;
        if (known == null) {
            known = decodeClaims();
            claims = known;
        }
        return known;
    }

    private Map<String, Object> decodeClaims() {
        Map<String, Object> merged = new LinkedHashMap<>();
        try {
            String[] parts = idToken.split("\\.");
            merged.putAll(JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString()));
            if (userinfoJson != null) {
                merged.putAll(JSONObjectUtils.parse(userinfoJson));
            }
        } catch (ParseException | ArrayIndexOutOfBoundsException e) {
            // Both were parsed at login; this cannot happen for a session made by the engine.
            throw new IllegalStateException("stored claims are unreadable", e);
        }
        return Collections.unmodifiableMap(merged);
    }

    @Override
    public String toString() {
        return "OidcLogin[loginId=" + loginId + ", principal=" + principalName + ", roles=" + roles + ", expiresAtMillis=" + expiresAtMillis
                + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
    }
}
