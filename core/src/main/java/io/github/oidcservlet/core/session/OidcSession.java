package io.github.oidcservlet.core.session;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.Serial;
import java.io.Serializable;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One logged-in user's state, stored in the HTTP session. Immutable and serializable (sessions may be persisted
 * or replicated). Principal name and roles are computed once at login; an authenticated request only compares
 * {@link #isActive(long, long)} — no parsing, no crypto, no I/O. The claims are decoded from the (already
 * verified) ID token and userinfo text only when an application asks for them.
 * {@link #toString()} shows no token.
 */
public final class OidcSession implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String issuer;
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

    /**
     * @param expiresAtMillis when the access token expires (epoch milliseconds)
     * @param userinfoJson    the verified userinfo response, or null
     */
    public OidcSession(String subject, String principalName, Set<String> roles, String idToken, String accessToken,
                       String refreshToken, long expiresAtMillis, String userinfoJson) {
        this(subject, principalName, roles, idToken, accessToken, refreshToken, expiresAtMillis, userinfoJson, null, 0L);
    }

    /**
     * @param expiresAtMillis when the access token expires (epoch milliseconds)
     * @param userinfoJson    the verified userinfo response, or null
     * @param sid             the ID token's {@code sid} (the provider's session, for back-channel logout), or null
     * @param loginAtMillis   when the user logged in here (epoch milliseconds); a refresh keeps it
     */
    public OidcSession(String subject, String principalName, Set<String> roles, String idToken, String accessToken,
                       String refreshToken, long expiresAtMillis, String userinfoJson, String sid,
                       long loginAtMillis) {
        this(null, subject, principalName, roles, idToken, accessToken, refreshToken, expiresAtMillis, userinfoJson,
                sid, loginAtMillis, loginAtMillis, null);
    }

    /** A login without a granted scope of its own (the provider granted what was asked). */
    public OidcSession(String issuer, String subject, String principalName, Set<String> roles, String idToken,
                       String accessToken, String refreshToken, long expiresAtMillis, String userinfoJson, String sid,
                       long loginAtMillis, long issuedAtMillis) {
        this(issuer, subject, principalName, roles, idToken, accessToken, refreshToken, expiresAtMillis, userinfoJson,
                sid, loginAtMillis, issuedAtMillis, null);
    }

    /** A login without an issuer, whose ID token was issued when it logged in here. */
    public OidcSession(String subject, String principalName, Set<String> roles, String idToken, String accessToken,
                       String refreshToken, long expiresAtMillis, String userinfoJson, String sid,
                       long loginAtMillis, String grantedScope) {
        this(null, subject, principalName, roles, idToken, accessToken, refreshToken, expiresAtMillis, userinfoJson,
                sid, loginAtMillis, loginAtMillis, grantedScope);
    }

    /**
     * @param issuer          the ID token's {@code iss}; with {@code subject} the user's identity (OIDC Core §5.7)
     * @param expiresAtMillis when the access token expires (epoch milliseconds)
     * @param userinfoJson    the verified userinfo response, or null
     * @param sid             the ID token's {@code sid} (the provider's session, for back-channel logout), or null
     * @param loginAtMillis   when the user logged in here (epoch milliseconds); a refresh keeps it
     * @param issuedAtMillis  the {@code iat} of the login's ID token (epoch milliseconds, the provider's clock); a
     *                        refresh keeps it
     * @param grantedScope    the {@code scope} the provider granted when it differs from the requested one
     *                        (RFC 6749 §5.1, §3.3), or null when it is the requested one
     */
    public OidcSession(String issuer, String subject, String principalName, Set<String> roles, String idToken,
                       String accessToken, String refreshToken, long expiresAtMillis, String userinfoJson, String sid,
                       long loginAtMillis, long issuedAtMillis, String grantedScope) {
        this.issuer = issuer;
        this.subject = subject;
        this.principalName = principalName;
        // insertion order kept, so the roles read as the provider listed them
        this.roles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(roles));
        this.idToken = idToken;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.expiresAtMillis = expiresAtMillis;
        this.userinfoJson = userinfoJson;
        this.sid = sid;
        this.loginAtMillis = loginAtMillis;
        this.issuedAtMillis = issuedAtMillis;
        this.grantedScope = grantedScope;
        this.principal = new OidcPrincipal(this);
    }

    /** Serialized as a {@link SessionSerialForm}: the values only, a few dozen bytes beyond the tokens. */
    @Serial
    private Object writeReplace() {
        return new SessionSerialForm(this);
    }

    /** Only the serial form may create a session from a stream; a crafted stream of fields is refused. */
    @Serial
    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("an OidcSession is read through its SessionSerialForm");
    }

    /** The hot-path check: true while the access token is valid for longer than {@code marginMillis}. */
    public boolean isActive(long nowMillis, long marginMillis) {
        return nowMillis < expiresAtMillis - marginMillis;
    }

    /** True while the access token itself has not expired (no margin): a refresh may still fail softly. */
    public boolean isValid(long nowMillis) {
        return nowMillis < expiresAtMillis;
    }

    public OidcPrincipal principal() { return principal; }
    /** The provider's {@code iss}, or null for a session made without one. */
    public String issuer() { return issuer; }
    public String subject() { return subject; }
    public String principalName() { return principalName; }
    public Set<String> roles() { return roles; }
    public String idToken() { return idToken; }
    public String accessToken() { return accessToken; }
    /** The refresh token, or null when the provider issued none. */
    public String refreshToken() { return refreshToken; }
    public long expiresAtMillis() { return expiresAtMillis; }
    /** The provider's session id ({@code sid} of the ID token, OpenID Back-Channel Logout 1.0 §2.1), or null. */
    public String sid() { return sid; }
    /** When the user logged in (epoch milliseconds); kept across refreshes. */
    public long loginAtMillis() { return loginAtMillis; }
    /** The {@code iat} of the login's ID token (epoch milliseconds, the provider's clock); kept across refreshes. */
    public long issuedAtMillis() { return issuedAtMillis; }

    /**
     * Whether {@code other} is a login of the same user: same {@code iss} and {@code sub}. OIDC Core §5.7: "The
     * sub (subject) and iss (issuer) Claims, used together, are the only Claims that an RP can rely upon as a
     * stable identifier for the End-User"; the name ({@code preferred_username}) is not unique and never decides.
     */
    public boolean isSameUser(OidcSession other) {
        return other != null && java.util.Objects.equals(issuer, other.issuer) && subject.equals(other.subject);
    }
    /**
     * The scope the access token was granted when the provider said it differs from the requested one, or null:
     * RFC 6749 §3.3 and §5.1 let the provider leave {@code scope} out when it granted what was asked.
     */
    public String grantedScope() { return grantedScope; }
    /** The verified userinfo response of the login, or null. */
    public String userinfoJson() { return userinfoJson; }

    /** ID token claims with userinfo claims on top; decoded once, on first use. */
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
        return "OidcSession[principal=" + principalName + ", roles=" + roles + ", expiresAtMillis=" + expiresAtMillis
                + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
    }
}
