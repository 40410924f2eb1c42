package io.github.oidcservlet.core;

import java.util.Objects;
import java.util.Set;

/** Builds an {@link OidcLogin}; subject, ID token and access token are required, the rest optional. */
public final class OidcLoginBuilder {
    String loginId;
    String registrationId = OidcLogin.DEFAULT_REGISTRATION;
    String issuer;
    String clientId;
    String subject;
    String principalName;
    Set<String> roles = Set.of();
    String idToken;
    String accessToken;
    String refreshToken;
    long expiresAtMillis;
    String userinfoJson;
    String sid;
    long loginAtMillis;
    Long issuedAtMillis;
    String grantedScope;

    OidcLoginBuilder() {
    }

    /**
     * @param value the stable login id; unset, {@link #build()} makes a fresh one (a new login)
     * @return this builder
     */
    public OidcLoginBuilder loginId(String value) { loginId = value; return this; }
    /**
     * @param value the provider registration's name; {@link OidcLogin#DEFAULT_REGISTRATION} when unset
     * @return this builder
     */
    public OidcLoginBuilder registrationId(String value) { registrationId = Objects.requireNonNull(value); return this; }
    /**
     * @param value the provider's {@code iss}, or null
     * @return this builder
     */
    public OidcLoginBuilder issuer(String value) { issuer = value; return this; }
    /**
     * @param value the {@code client_id} the login was made with, or null
     * @return this builder
     */
    public OidcLoginBuilder clientId(String value) { clientId = value; return this; }
    /**
     * @param value the ID token's {@code sub}
     * @return this builder
     */
    public OidcLoginBuilder subject(String value) { subject = value; return this; }
    /**
     * @param value the display name; {@code sub} when unset
     * @return this builder
     */
    public OidcLoginBuilder principalName(String value) { principalName = value; return this; }
    /**
     * @param value the roles, in the provider's order
     * @return this builder
     */
    public OidcLoginBuilder roles(Set<String> value) { roles = Objects.requireNonNull(value); return this; }
    /**
     * @param value the verified ID token
     * @return this builder
     */
    public OidcLoginBuilder idToken(String value) { idToken = value; return this; }
    /**
     * @param value the access token
     * @return this builder
     */
    public OidcLoginBuilder accessToken(String value) { accessToken = value; return this; }
    /**
     * @param value the refresh token, or null when the provider issued none
     * @return this builder
     */
    public OidcLoginBuilder refreshToken(String value) { refreshToken = value; return this; }
    /**
     * @param value when the access token expires (epoch milliseconds)
     * @return this builder
     */
    public OidcLoginBuilder expiresAtMillis(long value) { expiresAtMillis = value; return this; }
    /**
     * @param value the verified userinfo response, or null
     * @return this builder
     */
    public OidcLoginBuilder userinfoJson(String value) { userinfoJson = value; return this; }
    /**
     * @param value the ID token's {@code sid} (Back-Channel Logout 1.0 §2.1), or null
     * @return this builder
     */
    public OidcLoginBuilder sid(String value) { sid = value; return this; }
    /**
     * @param value when the user logged in here (epoch milliseconds)
     * @return this builder
     */
    public OidcLoginBuilder loginAtMillis(long value) { loginAtMillis = value; return this; }
    /**
     * @param value the ID token's {@code iat} (epoch milliseconds); the login time when unset
     * @return this builder
     */
    public OidcLoginBuilder issuedAtMillis(long value) { issuedAtMillis = value; return this; }
    /**
     * @param value the granted {@code scope} when it differs from the requested one (RFC 6749 §3.3), or null
     * @return this builder
     */
    public OidcLoginBuilder grantedScope(String value) { grantedScope = value; return this; }

    /** @return the login; a fresh login id when none was set */
    public OidcLogin build() {
        return new OidcLogin(this);
    }
}
