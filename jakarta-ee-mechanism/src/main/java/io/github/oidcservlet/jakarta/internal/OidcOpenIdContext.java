package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcContext;
import com.nimbusds.jwt.JWTParser;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.web.OidcEngine;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.security.enterprise.identitystore.openid.RefreshToken;
import jakarta.security.enterprise.identitystore.openid.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The standard {@link OpenIdContext}, served from this mechanism's login, so that code written for the server's
 * built-in {@code @OpenIdAuthenticationMechanismDefinition} keeps working. The server's own (Soteria's) bean of
 * this type is always registered and only works with its own mechanism: this one is an enabled alternative, so it
 * wins without ambiguity. Request-scoped; on an anonymous request the getters throw {@link IllegalStateException}.
 *
 * <p>Not final: the container proxies request-scoped beans.
 */
@Alternative
@Priority(1000)
@RequestScoped
public class OidcOpenIdContext implements OpenIdContext {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OidcContext oidc;

    @Inject
    transient OidcMechanismExtension extension;

    @Override
    public String getSubject() {
        return oidc.getSubject();
    }

    @Override
    public String getTokenType() {
        return "Bearer";
    }

    /** Its scope is the one granted (RFC 6749 §5.1), not merely the one requested. */
    @Override
    public AccessToken getAccessToken() {
        String granted = oidc.find().map(OidcLogin::grantedScope).orElse(null);
        OidcEngine engine = engine();
        // RFC 6749 §3.3: a token response without scope granted exactly the requested scope (the login's
        // registration's scopes).
        return new Access(oidc.getAccessToken(), oidc.getExpiresAt().toEpochMilli(),
                Scope.parse(granted != null ? granted : engine.config().scopes()), engine.clock());
    }

    @Override
    public IdentityToken getIdentityToken() {
        String token = oidc.getIdToken();
        Map<String, Object> claims = decode(token);
        return new IdentityToken() {
            @Override
            public String getToken() {
                return token;
            }

            @Override
            public JwtClaims getJwtClaims() {
                return ClaimsView.jwt(claims);
            }

            @Override
            public boolean isExpired() {
                return getJwtClaims().isExpired(java.time.Clock.systemUTC(), true, java.time.Duration.ZERO);
            }

            @Override
            public Map<String, Object> getClaims() {
                return claims;
            }
        };
    }

    @Override
    public Optional<RefreshToken> getRefreshToken() {
        return oidc.getRefreshToken().map(token -> () -> token);
    }

    @Override
    public Optional<Long> getExpiresIn() {
        long now = engine().clock().millis();
        return Optional.of(Math.max(0, (oidc.getExpiresAt().toEpochMilli() - now) / 1000));
    }

    @Override
    public JsonObject getClaimsJson() {
        return Json.createObjectBuilder(oidc.getClaims()).build();
    }

    @Override
    public OpenIdClaims getClaims() {
        return ClaimsView.openId(oidc.getClaims());
    }

    /**
     * What the mechanism knows of the provider the caller logged in with (with several registrations, that
     * registration's): its issuer and endpoints, in discovery's member names.
     */
    @Override
    public JsonObject getProviderMetadata() {
        ProviderMetadata metadata = engine().provider().metadata();
        JsonObjectBuilder json = Json.createObjectBuilder().add("issuer", metadata.issuer());
        add(json, "authorization_endpoint", metadata.authorizationEndpoint());
        add(json, "token_endpoint", metadata.tokenEndpoint());
        add(json, "userinfo_endpoint", metadata.userinfoEndpoint());
        add(json, "jwks_uri", metadata.jwksUri());
        add(json, "end_session_endpoint", metadata.endSessionEndpoint());
        add(json, "revocation_endpoint", metadata.revocationEndpoint());
        return json.build();
    }

    /** A value the application stored in the HTTP session under {@code key}. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getStoredValue(HttpServletRequest request, HttpServletResponse response, String key) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((T) session.getAttribute(key));
    }

    /** The engine of the registration the caller logged in with. */
    private OidcEngine engine() {
        return extension.engineOf(oidc.getRegistration());
    }

    /** The session behind this context, for diagnostics. */
    Optional<OidcLogin> session() {
        return oidc.find();
    }

    private static void add(JsonObjectBuilder json, String name, URI value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    /** A JWT's claims without verification (the ID token was verified at login); empty for an opaque token. */
    static Map<String, Object> decode(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().toJSONObject();
        } catch (ParseException opaque) {
            return Map.of();
        }
    }

    /** The access token as Jakarta Security describes it; its claims are decoded only, it is meant for APIs. */
    /** @param clock the engine's clock, the one time source */
    private record Access(String token, long expiresAtMillis, Scope scope, java.time.Clock clock)
            implements AccessToken {

        @Override
        public String getToken() {
            return token;
        }

        @Override
        public boolean isJWT() {
            return !decode(token).isEmpty();
        }

        @Override
        public JwtClaims getJwtClaims() {
            return isJWT() ? ClaimsView.jwt(decode(token)) : JwtClaims.NONE;
        }

        @Override
        public Map<String, Object> getClaims() {
            return decode(token);
        }

        @Override
        public Object getClaim(String name) {
            return getClaims().get(name);
        }

        @Override
        public Long getExpirationTime() {
            return expiresAtMillis;
        }

        @Override
        public boolean isExpired() {
            return clock.millis() >= expiresAtMillis;
        }

        @Override
        public Scope getScope() {
            return scope;
        }

        @Override
        public Type getType() {
            return Type.BEARER;
        }

        @Override
        public String toString() {
            return "AccessToken[expiresAtMillis=" + expiresAtMillis + "]";
        }
    }
}
