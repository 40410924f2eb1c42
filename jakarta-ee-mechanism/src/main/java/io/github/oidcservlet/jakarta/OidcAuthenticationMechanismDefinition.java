package io.github.oidcservlet.jakarta;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Configures the OpenID Connect mechanism; put it on one CDI bean of the application (an
 * {@code @ApplicationScoped} class, say). Each attribute is the DESIGN.md key of the same name in camel case
 * ({@code clientId} is {@code client-id}); an empty string leaves the key unset. Every key is overridden, in this
 * order, by the system property {@code oidc.<key>}, the environment variable {@code OIDC_<KEY>} and, when the
 * application has it, the MicroProfile Config property {@code oidc.<key>}. Without this annotation the mechanism
 * takes its whole configuration from those sources.
 *
 * <p>The configuration is checked when the application is deployed: every problem is reported at once, naming
 * the key as it was written, and the deployment fails.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OidcAuthenticationMechanismDefinition {

    /** {@code issuer}: the provider's issuer identifier; required unless set elsewhere. */
    String issuer() default "";

    /** {@code discovery-uri}: an explicit discovery document URL. */
    String discoveryUri() default "";

    /** {@code authorization-endpoint}: manual authorization endpoint (with token-endpoint: no discovery). */
    String authorizationEndpoint() default "";

    /** {@code token-endpoint}: manual token endpoint. */
    String tokenEndpoint() default "";

    /** {@code userinfo-endpoint}: overrides the discovered userinfo endpoint. */
    String userinfoEndpoint() default "";

    /** {@code jwks-uri}: overrides the discovered JWKS URI. */
    String jwksUri() default "";

    /** {@code end-session-endpoint}: overrides the discovered end_session_endpoint. */
    String endSessionEndpoint() default "";

    /** {@code revocation-endpoint}: overrides the discovered revocation endpoint. */
    String revocationEndpoint() default "";

    /** {@code client-id}: the client identifier; required unless set elsewhere. */
    String clientId() default "";

    /** {@code client-secret}: the client secret; better given as OIDC_CLIENT_SECRET than in source code. */
    String clientSecret() default "";

    /** {@code client-auth-method}: client_secret_basic, client_secret_post, none, .... */
    String clientAuthMethod() default "";

    /** {@code client-private-key}: PEM (PKCS#8) file for private_key_jwt. */
    String clientPrivateKey() default "";

    /** {@code client-assertion-audience}: aud of client assertions. */
    String clientAssertionAudience() default "";

    /** {@code scopes}: space separated; default {@code openid profile email}. */
    String scopes() default "";

    /** {@code extra-auth-params}: {@code k=v&k2=v2} added to every authorization request. */
    String extraAuthParams() default "";

    /** {@code id-token-algs}: accepted ID token algorithms; default: the asymmetric ones the provider advertises. */
    String idTokenAlgs() default "";

    /** {@code principal-claim}: the claim that becomes the caller principal; default {@code preferred_username}, else {@code sub}. */
    String principalClaim() default "";

    /** {@code roles-claim}: the claim holding the groups (roles); default {@code groups}; dotted paths for nested claims. */
    String rolesClaim() default "";

    /** {@code refresh-margin}: seconds before access token expiry that a login counts as expired; default 30. */
    String refreshMargin() default "";

    /** {@code clock-skew}: seconds of tolerance for exp, iat, auth_time; default 60. */
    String clockSkew() default "";

    /** {@code expires-in-unit}: {@code seconds} (default) or {@code milliseconds}. */
    String expiresInUnit() default "";

    /** {@code redirect-path}: the callback path; default {@code /oidc/callback}. */
    String redirectPath() default "";

    /** {@code logout-path}: default {@code /oidc/logout}. */
    String logoutPath() default "";

    /** {@code backchannel-logout-path}: default {@code /oidc/backchannel-logout}. */
    String backchannelLogoutPath() default "";

    /** {@code post-logout-redirect-uri}: a path or absolute URL; default the application root. */
    String postLogoutRedirectUri() default "";

    /** {@code public-paths}: not used by the mechanism: the container's security constraints decide what is protected. */
    String publicPaths() default "";

    /** {@code api-paths}: patterns that get 401 instead of a login redirect; default {@code /api/*}. */
    String apiPaths() default "";

    /** {@code base-url}: the external URL of the application root, for apps behind a proxy. */
    String baseUrl() default "";

    /** {@code connect-timeout}: seconds; default 5. */
    String connectTimeout() default "";

    /** {@code read-timeout}: seconds; default 10. */
    String readTimeout() default "";

    /** {@code max-response-size}: the largest provider answer read, in bytes; default 1048576 (1 MiB). */
    String maxResponseSize() default "";

    /** {@code allow-http}: {@code true} accepts plain http:// provider endpoints off this machine; default false. */
    String allowHttp() default "";

    /** {@code silent-reauth}: {@code true} for prompt=none re-authentication; default false. */
    String silentReauth() default "";

    /**
     * {@code session-cookie-same-site}: the {@code SameSite} attribute added to the container's session cookie when
     * the container writes none; {@code Lax} (default), {@code Strict}, or {@code none} to leave the cookie alone.
     */
    String sessionCookieSameSite() default "";

    /**
     * {@code store}: the store of shared state (ended logins, logout-token ids, refresh coordination), found by
     * name through {@code ServiceLoader}; default {@code memory}. Its {@code store-*} settings come from the
     * environment, system properties or MicroProfile Config.
     */
    String store() default "";

    /**
     * {@code userinfo}: {@code always} (default), {@code never}, or {@code auto} (only when the ID token lacks the
     * claims of a requested scope).
     */
    String userinfo() default "";
}
