package io.github.oidcservlet.core.login;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.config.OidcConfig;
import io.github.oidcservlet.core.session.ClaimPaths;
import io.github.oidcservlet.core.session.OidcSession;
import io.github.oidcservlet.core.token.TokenResponse;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Makes the {@link OidcSession} of a login: principal name and roles are computed here, once. */
public final class SessionFactory {

    private final OidcConfig config;

    public SessionFactory(OidcConfig config) {
        this.config = config;
    }

    public OidcSession create(JWTClaimsSet idClaims, String userinfoJson, TokenResponse tokens, long nowMillis) {
        Map<String, Object> claims = new LinkedHashMap<>(idClaims.toJSONObject());
        if (userinfoJson != null) {
            try {
                claims.putAll(JSONObjectUtils.parse(userinfoJson));
            } catch (ParseException e) {
                throw new IllegalStateException("userinfo was checked to be JSON", e);
            }
        }
        String subject = idClaims.getSubject();
        return new OidcSession(subject, principalName(claims, subject), ClaimPaths.roles(claims, config.rolesClaim()),
                tokens.idToken(), tokens.accessToken(), tokens.refreshToken(),
                expiresAt(idClaims, tokens, nowMillis), userinfoJson);
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
