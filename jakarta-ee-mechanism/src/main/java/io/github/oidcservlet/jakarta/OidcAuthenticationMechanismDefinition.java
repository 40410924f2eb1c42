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

    /** {@return {@code issuer}: the provider's issuer identifier; required unless set elsewhere} */
    String issuer() default "";

    /** {@return {@code discovery-uri}: an explicit discovery document URL} */
    String discoveryUri() default "";

    /**
     * {@code tenants}: with a multi-tenant {@code issuer} ({@code https://login.microsoftonline.com/{tenantid}/v2.0},
     * Entra ID's {@code /common} or {@code /organizations}), the tenant ids allowed to log in, comma or space
     * separated; empty allows every tenant.
     *
     * @return the tenant ids, or empty for every tenant
     */
    String tenants() default "";

    /** {@return {@code authorization-endpoint}: manual authorization endpoint (with token-endpoint: no discovery)} */
    String authorizationEndpoint() default "";

    /** {@return {@code token-endpoint}: manual token endpoint} */
    String tokenEndpoint() default "";

    /** {@return {@code userinfo-endpoint}: overrides the discovered userinfo endpoint} */
    String userinfoEndpoint() default "";

    /** {@return {@code jwks-uri}: overrides the discovered JWKS URI} */
    String jwksUri() default "";

    /** {@return {@code end-session-endpoint}: overrides the discovered end_session_endpoint} */
    String endSessionEndpoint() default "";

    /** {@return {@code revocation-endpoint}: overrides the discovered revocation endpoint} */
    String revocationEndpoint() default "";

    /** {@return {@code par-endpoint}: the pushed authorization request endpoint (RFC 9126), without discovery} */
    String parEndpoint() default "";

    /** {@return {@code client-id}: the client identifier; required unless set elsewhere} */
    String clientId() default "";

    /** {@return {@code client-secret}: the client secret; better given as OIDC_CLIENT_SECRET than in source code} */
    String clientSecret() default "";

    /** {@return {@code client-auth-method}: client_secret_basic, client_secret_post, none, ...} */
    String clientAuthMethod() default "";

    /** {@return {@code client-private-key}: PEM (PKCS#8) file for private_key_jwt} */
    String clientPrivateKey() default "";

    /** {@return {@code client-assertion-audience}: aud of client assertions} */
    String clientAssertionAudience() default "";

    /** {@return {@code scopes}: space separated; default {@code openid profile email}} */
    String scopes() default "";

    /** {@return {@code extra-auth-params}: {@code k=v&k2=v2} added to every authorization request} */
    String extraAuthParams() default "";

    /**
     * {@return {@code id-token-algs}: accepted ID token algorithms; default: the asymmetric ones the provider
     * advertises}
     */
    String idTokenAlgs() default "";

    /**
     * {@return {@code principal-claim}: the claim that becomes the caller principal; default {@code
     * preferred_username}, else {@code sub}}
     */
    String principalClaim() default "";

    /**
     * {@return {@code roles-claim}: the claim holding the groups (roles); default {@code groups}; dotted paths for
     * nested claims}
     */
    String rolesClaim() default "";

    /**
     * {@return {@code refresh-margin}: seconds before access token expiry that a login counts as expired; default 30}
     */
    String refreshMargin() default "";

    /** {@return {@code clock-skew}: seconds of tolerance for exp, iat, auth_time; default 60} */
    String clockSkew() default "";

    /** {@return {@code expires-in-unit}: {@code seconds} (default) or {@code milliseconds}} */
    String expiresInUnit() default "";

    /** {@return {@code redirect-path}: the callback path; default {@code /oidc/callback}} */
    String redirectPath() default "";

    /** {@return {@code logout-path}: default {@code /oidc/logout}} */
    String logoutPath() default "";

    /** {@return {@code backchannel-logout-path}: default {@code /oidc/backchannel-logout}} */
    String backchannelLogoutPath() default "";

    /** {@return {@code post-logout-redirect-uri}: a path or absolute URL; default the application root} */
    String postLogoutRedirectUri() default "";

    /**
     * {@return {@code public-paths}: not used by the mechanism: the container's security constraints decide what is
     * protected}
     */
    String publicPaths() default "";

    /** {@return {@code api-paths}: patterns that get 401 instead of a login redirect; default {@code /api/*}} */
    String apiPaths() default "";

    /** {@return {@code base-url}: the external URL of the application root, for apps behind a proxy} */
    String baseUrl() default "";

    /** {@return {@code connect-timeout}: seconds; default 5} */
    String connectTimeout() default "";

    /** {@return {@code read-timeout}: seconds; default 10} */
    String readTimeout() default "";

    /** {@return {@code max-response-size}: the largest provider answer read, in bytes; default 1048576 (1 MiB)} */
    String maxResponseSize() default "";

    /**
     * {@return {@code allow-http}: {@code true} accepts plain http:// provider endpoints off this machine; default
     * false}
     */
    String allowHttp() default "";

    /** {@return {@code silent-reauth}: {@code true} for prompt=none re-authentication; default false} */
    String silentReauth() default "";

    /**
     * {@code session-cookie-same-site}: the {@code SameSite} attribute added to the container's session cookie when
     * the container writes none; {@code Lax} (default), {@code Strict}, or {@code none} to leave the cookie alone.
     *
     * @return the value, or empty for the default
     */
    String sessionCookieSameSite() default "";

    /**
     * {@code store}: the store of shared state (ended logins, logout-token ids, refresh coordination), found by
     * name through {@code ServiceLoader}; default {@code memory}. Its {@code store-*} settings come from the
     * environment, system properties or MicroProfile Config.
     *
     * @return the store's name, or empty for the default
     */
    String store() default "";

    /**
     * {@code userinfo}: {@code always} (default), {@code never}, or {@code auto} (only when the ID token lacks the
     * claims of a requested scope).
     *
     * @return the policy, or empty for the default
     */
    String userinfo() default "";

    /**
     * {@code par}: pushed authorization requests (RFC 9126); {@code auto} (default: when the provider requires
     * them), {@code always}, or {@code never}.
     *
     * @return the policy, or empty for the default
     */
    String par() default "";

    /**
     * {@code providers}: the names of several provider registrations, comma separated, each with its own keys
     * ({@code OIDC_WORK_ISSUER}, {@code oidc.work.issuer}); empty for the one registration of the other attributes.
     *
     * @return the names, or empty
     */
    String providers() default "";

    /**
     * {@code display-name}: what the login chooser shows for the registration; default its name.
     *
     * @return the name shown, or empty for the default
     */
    String displayName() default "";

    /**
     * {@code paths}: path patterns whose anonymous requests log in with a named registration without the chooser;
     * only for registrations named in {@code providers} (written with the name).
     *
     * @return the patterns, or empty
     */
    String paths() default "";

    /**
     * {@code hosts}: host names ({@code work.example.com}, {@code *.example.com}) whose anonymous requests log in
     * with a named registration; only for registrations named in {@code providers} (written with the name).
     *
     * @return the host names, or empty
     */
    String hosts() default "";

    /**
     * {@code login-path}: the path that starts a login, {@code ?provider=<name>} choosing the registration;
     * default {@code /oidc/login}.
     *
     * @return the path, or empty for the default
     */
    String loginPath() default "";

    /**
     * The keys of the registrations {@code providers} names, one {@code "<name>.<key>=<value>"} entry each, as the
     * filter's {@code web.xml} writes them: {@code {"work.issuer=https://login.example.com/realms/staff",
     * "work.client-id=intranet", "work.display-name=Staff account"}}. Each is overridden by the system property
     * {@code oidc.work.issuer}, the environment variable {@code OIDC_WORK_ISSUER} and the MicroProfile Config
     * property {@code oidc.work.issuer}. Keep secrets out of it ({@code OIDC_WORK_CLIENT_SECRET}). An entry that is
     * not {@code <name>.<key>=<value>}, names a registration {@code providers} does not, or no registration's key,
     * fails the deployment with the other problems.
     *
     * @return the entries, or none
     */
    String[] registrations() default {};
}
