package io.github.oidcservlet.core.internal.session;

import io.github.oidcservlet.core.OidcLoginBuilder;
import io.github.oidcservlet.core.OidcLogin;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.token.TokenResponse;

import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Makes the {@link OidcLogin} of a login: principal name and roles are computed here, once. */
public final class LoginFactory {

    private static final long DEFAULT_LIFETIME_MILLIS = 5 * 60 * 1000L;

    private final OidcConfig config;

    public LoginFactory(OidcConfig config) {
        this.config = config;
    }

    public OidcLogin create(JWTClaimsSet idClaims, String userinfoJson, TokenResponse tokens, long nowMillis) {
        // the ID token's iat was checked present at login (OIDC Core §3.1.3.7 (10))
        long issuedAt = idClaims.getIssueTime() != null ? idClaims.getIssueTime().getTime() : nowMillis;
        // A new login: a fresh login id, which every refresh of it keeps.
        return make(OidcLogin.builder(), idClaims, userinfoJson, tokens.idToken(), tokens, tokens.refreshToken(),
                nowMillis).loginAtMillis(nowMillis).issuedAtMillis(issuedAt).grantedScope(grantedScope(tokens, null))
                .build();
    }

    /**
     * The session after a refresh: new access token; the new refresh token when one was issued (rotation), else
     * the old one (RFC 6749 §6); with a new ID token, name and roles are read again from its claims.
     *
     * @param newIdClaims the validated claims of the new ID token, or null when the refresh returned none
     */
    public OidcLogin refreshed(OidcLogin previous, JWTClaimsSet newIdClaims, TokenResponse tokens,
                                 long nowMillis) {
        String refreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : previous.refreshToken();
        if (newIdClaims != null) {
            return make(previous.toBuilder(), newIdClaims, previous.userinfoJson(), tokens.idToken(), tokens,
                    refreshToken, nowMillis).grantedScope(grantedScope(tokens, previous)).build();
        }
        // RFC 6749 §5.1: without expires_in the lifetime is the provider's documented default; five minutes keeps
        // a provider that documents none from being asked on every request.
        long expiresAt = nowMillis + (tokens.expiresInMillis() != null ? tokens.expiresInMillis() : DEFAULT_LIFETIME_MILLIS);
        return previous.toBuilder().accessToken(tokens.accessToken()).refreshToken(refreshToken)
                .expiresAtMillis(expiresAt).grantedScope(grantedScope(tokens, previous)).build();
    }

    /** Sets what the ID token and the token response say; login id, times and scope are the caller's. */
    private OidcLoginBuilder make(OidcLoginBuilder session, JWTClaimsSet idClaims, String userinfoJson,
                                     String idToken, TokenResponse tokens, String refreshToken, long nowMillis) {
        Map<String, Object> claims = new LinkedHashMap<>(idClaims.toJSONObject());
        if (userinfoJson != null) {
            try {
                claims.putAll(JSONObjectUtils.parse(userinfoJson));
            } catch (ParseException e) {
                throw new IllegalStateException("userinfo was checked to be JSON", e);
            }
        }
        String subject = idClaims.getSubject();
        Object sid = idClaims.getClaim("sid");
        return session.registrationId(config.registration()).issuer(idClaims.getIssuer())
                .clientId(config.clientId()).subject(subject).principalName(principalName(claims, subject))
                .roles(ClaimPaths.roles(claims, config.rolesClaim())).idToken(idToken)
                .accessToken(tokens.accessToken()).refreshToken(refreshToken)
                .expiresAtMillis(expiresAt(idClaims, tokens, nowMillis)).userinfoJson(userinfoJson)
                .sid(sid instanceof String text && !text.isEmpty() ? text : null);
    }

    /**
     * RFC 6749 §5.1: {@code scope} is OPTIONAL "if identical to the scope requested by the client; otherwise,
     * REQUIRED" (§3.3). Kept only when it differs from what was requested (in any order), so most sessions carry
     * nothing extra; a refresh without {@code scope} keeps what the login was granted (§6).
     */
    private String grantedScope(TokenResponse tokens, OidcLogin previous) {
        if (tokens.scope() == null) {
            return previous == null ? null : previous.grantedScope();
        }
        return scopeSet(tokens.scope()).equals(scopeSet(config.scopes())) ? null : tokens.scope();
    }

    private static Set<String> scopeSet(String scope) {
        return Set.copyOf(Arrays.asList(scope.trim().split(" +")));
    }

    /** {@code principal-claim} when set and present, else {@code preferred_username}, else {@code sub}. */
    private String principalName(Map<String, Object> claims, String subject) {
        if (config.principalClaim().isPresent()) {
            Object value = ClaimPaths.resolve(claims, config.principalClaim().get());
            return value instanceof String text && !text.isEmpty() ? text : subject;
        }
        Object preferred = claims.get("preferred_username");
        return preferred instanceof String text && !text.isEmpty() ? text : subject;
    }

    /** The access token's expiry from {@code expires_in}; without it, the ID token's {@code exp}. */
    private static long expiresAt(JWTClaimsSet idClaims, TokenResponse tokens, long nowMillis) {
        if (tokens.expiresInMillis() != null) {
            return nowMillis + tokens.expiresInMillis();
        }
        return idClaims.getExpirationTime().getTime();
    }
}
