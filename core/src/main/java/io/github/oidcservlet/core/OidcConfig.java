package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.config.UserinfoPolicy;
import io.github.oidcservlet.core.internal.config.ApplicationRules;
import io.github.oidcservlet.core.internal.config.ApplicationSettings;
import io.github.oidcservlet.core.internal.config.RegistrationRules;
import io.github.oidcservlet.core.internal.config.ClientAuthMethod;
import io.github.oidcservlet.core.internal.config.ClientCredentials;
import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.internal.config.ConfigReader;
import io.github.oidcservlet.core.internal.config.LoginRequestRules;
import io.github.oidcservlet.core.internal.config.ParPolicy;
import io.github.oidcservlet.core.internal.config.PlainHttp;
import io.github.oidcservlet.core.internal.config.Secret;
import io.github.oidcservlet.core.internal.config.StoreSettings;
import io.github.oidcservlet.core.internal.config.TenantIssuers;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration of one relying party, immutable, built once at start-up by {@link #from(ConfigSource)}.
 * Every problem is reported at once in an {@link OidcConfigException}, each naming its key as the user wrote it.
 * {@link #toString()} never shows the client secret.
 */
/**
 * The configuration of one provider registration, immutable: the provider, the client, the login request, and the
 * application's own keys it shares with the other registrations. {@link #from(ConfigSource)} reads the single
 * registration of the un-named keys; {@link OidcRegistrations} reads any number named by {@code providers}. Every
 * problem is reported at once in an {@link OidcConfigException}, each naming its key as the user wrote it.
 * {@link #toString()} never shows the client secret.
 */
public final class OidcConfig {

    private final String registration;
    private final String displayName;
    private final List<String> paths;
    private final List<String> hosts;
    private final String issuer;
    private final URI discoveryUri;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI userinfoEndpoint;
    private final URI jwksUri;
    private final URI endSessionEndpoint;
    private final URI revocationEndpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final ClientAuthMethod clientAuthMethod;
    private final Path clientPrivateKey;
    private final PrivateKey clientSigningKey;
    private final String clientAssertionAudience;
    private final String scopes;
    private final Map<String, String> extraAuthParams;
    private final List<String> idTokenAlgs;
    private final String principalClaim;
    private final String rolesClaim;
    private final ChronoUnit expiresInUnit;
    private final UserinfoPolicy userinfo;
    private final TenantIssuers tenants;
    private final ParPolicy par;
    private final ApplicationSettings app;

    private OidcConfig(ConfigReader in, ApplicationSettings app) {
        this.app = app;
        registration = in.registration() == null ? OidcLogin.DEFAULT_REGISTRATION : in.registration();
        displayName = in.optional(ConfigKey.DISPLAY_NAME).orElse(registration);
        paths = in.patterns(ConfigKey.PATHS);
        hosts = RegistrationRules.hosts(in);
        issuer = in.required(ConfigKey.ISSUER);
        discoveryUri = in.url(ConfigKey.DISCOVERY_URI);
        authorizationEndpoint = in.url(ConfigKey.AUTHORIZATION_ENDPOINT);
        tokenEndpoint = in.url(ConfigKey.TOKEN_ENDPOINT);
        userinfoEndpoint = in.url(ConfigKey.USERINFO_ENDPOINT);
        jwksUri = in.url(ConfigKey.JWKS_URI);
        endSessionEndpoint = in.url(ConfigKey.END_SESSION_ENDPOINT);
        revocationEndpoint = in.url(ConfigKey.REVOCATION_ENDPOINT);
        clientId = in.required(ConfigKey.CLIENT_ID);
        ClientCredentials credentials = new ClientCredentials(in);
        clientSecret = credentials.secret;
        clientPrivateKey = credentials.privateKeyFile;
        clientSigningKey = credentials.privateKey;
        clientAuthMethod = credentials.method;
        clientAssertionAudience = credentials.assertionAudience;
        scopes = LoginRequestRules.scopes(in);
        extraAuthParams = LoginRequestRules.extraAuthParams(in);
        idTokenAlgs = LoginRequestRules.idTokenAlgs(in, clientSecret);
        principalClaim = in.optional(ConfigKey.PRINCIPAL_CLAIM).orElse(null);
        rolesClaim = in.optional(ConfigKey.ROLES_CLAIM).orElseThrow();
        expiresInUnit = ApplicationRules.expiresInUnit(in);
        userinfo = UserinfoPolicy.parse(in);
        tenants = TenantIssuers.read(in, issuer, discoveryUri != null || authorizationEndpoint != null);
        par = ParPolicy.parse(in);
        RegistrationRules.checkEndpoints(in, this);
        PlainHttp.check(in, this);
    }

    /**
     * Builds the configuration of the single registration from a source, checking every key at once.
     *
     * @param source where the values come from, e.g. {@link ConfigSource#standard(Map)}
     * @return the checked configuration
     * @throws OidcConfigException listing every problem, each naming its key as the user wrote it; also when
     *                             {@code providers} names more than one registration (read those with
     *                             {@link OidcRegistrations#from})
     */
    public static OidcConfig from(ConfigSource source) {
        return OidcRegistrations.from(source).single();
    }

    /**
     * Builds the configuration from {@code web.xml} init-params (or annotation attributes) overridden by
     * environment variables and system properties; an init-param that is no known key is a problem too.
     *
     * @param initParams the init-params or annotation attributes, keyed by the plain key
     * @return the checked configuration
     * @throws OidcConfigException listing every problem, each naming its key as the user wrote it; also when
     *                             {@code providers} names more than one registration
     */
    public static OidcConfig fromInitParams(Map<String, String> initParams) {
        return OidcRegistrations.fromInitParams(initParams).single();
    }

    /** One registration, read by {@link OidcRegistrations}: its keys through {@code in}, the application's given. */
    static OidcConfig read(ConfigReader in, ApplicationSettings app) {
        return new OidcConfig(in, app);
    }

    /** {@return true when both authorization and token endpoints are configured: no discovery document is fetched} */
    public boolean manualEndpoints() {
        return authorizationEndpoint != null && tokenEndpoint != null;
    }

    /**
     * {@return where discovery happens: {@code discovery-uri}, else {@code {issuer}/.well-known/openid-configuration}}
     */
    public URI effectiveDiscoveryUri() {
        if (discoveryUri != null) {
            return discoveryUri;
        }
        // OpenID Discovery 1.0 §4: the issuer with any terminating '/' removed, then the well-known suffix.
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    /** {@return the provider's issuer identifier ({@code issuer}), or null with manual endpoints only} */
    public String issuer() { return issuer; }
    /** {@return the explicit discovery document URL ({@code discovery-uri}), if set} */
    public Optional<URI> discoveryUri() { return Optional.ofNullable(discoveryUri); }
    /** {@return the manual authorization endpoint ({@code authorization-endpoint}), if set} */
    public Optional<URI> authorizationEndpoint() { return Optional.ofNullable(authorizationEndpoint); }
    /** {@return the manual token endpoint ({@code token-endpoint}), if set} */
    public Optional<URI> tokenEndpoint() { return Optional.ofNullable(tokenEndpoint); }
    /** {@return the userinfo endpoint that overrides the discovered one ({@code userinfo-endpoint}), if set} */
    public Optional<URI> userinfoEndpoint() { return Optional.ofNullable(userinfoEndpoint); }
    /** {@return the JWKS URI that overrides the discovered one ({@code jwks-uri}), if set} */
    public Optional<URI> jwksUri() { return Optional.ofNullable(jwksUri); }
    /** {@return the end-session endpoint that overrides the discovered one ({@code end-session-endpoint}), if set} */
    public Optional<URI> endSessionEndpoint() { return Optional.ofNullable(endSessionEndpoint); }
    /** {@return the revocation endpoint that overrides the discovered one ({@code revocation-endpoint}), if set} */
    public Optional<URI> revocationEndpoint() { return Optional.ofNullable(revocationEndpoint); }
    /** {@return the client identifier registered at the provider ({@code client-id})} */
    public String clientId() { return clientId; }
    /** {@return the client secret ({@code client-secret}), if set; its {@code toString} hides it} */
    public Optional<Secret> clientSecret() { return Optional.ofNullable(clientSecret); }
    /** {@return how the client authenticates at the token endpoint ({@code client-auth-method})} */
    public ClientAuthMethod clientAuthMethod() { return clientAuthMethod; }
    /** {@return the PEM file of the {@code private_key_jwt} key ({@code client-private-key}), if set} */
    public Optional<Path> clientPrivateKey() { return Optional.ofNullable(clientPrivateKey); }
    /** {@return the parsed {@code client-private-key} (RSA or EC P-256), for {@code private_key_jwt}} */
    public Optional<PrivateKey> clientSigningKey() { return Optional.ofNullable(clientSigningKey); }
    /**
     * {@return {@code RS256} for an RSA {@code client-private-key}, {@code ES256} for EC P-256; empty without a key}
     */
    public Optional<String> clientSigningAlgorithm() {
        return clientSigningKey().map(ClientCredentials::algorithmOf);
    }
    /** {@return the {@code aud} of client assertions ({@code client-assertion-audience}), if set} */
    public Optional<String> clientAssertionAudience() { return Optional.ofNullable(clientAssertionAudience); }
    /** {@return the requested scopes, space separated ({@code scopes})} */
    public String scopes() { return scopes; }
    /** {@return parameters added to every authorization request ({@code extra-auth-params}); unmodifiable} */
    public Map<String, String> extraAuthParams() { return extraAuthParams; }
    /** {@return configured ID token algorithms; empty means "the asymmetric ones the provider advertises"} */
    public List<String> idTokenAlgs() { return idTokenAlgs; }
    /** {@return the claim that names the principal ({@code principal-claim}), if set} */
    public Optional<String> principalClaim() { return Optional.ofNullable(principalClaim); }
    /** {@return the claim, or dotted path, that holds the roles ({@code roles-claim})} */
    public String rolesClaim() { return rolesClaim; }
    /** {@return how long before expiry a login is refreshed ({@code refresh-margin})} */
    public Duration refreshMargin() { return app.refreshMargin(); }
    /** {@return the tolerance for {@code exp}, {@code iat} and {@code auth_time} ({@code clock-skew})} */
    public Duration clockSkew() { return app.clockSkew(); }
    /** {@return the unit of the token response's {@code expires_in} ({@code expires-in-unit})} */
    public ChronoUnit expiresInUnit() { return expiresInUnit; }
    /**
     * {@return this registration's callback path: {@code redirect-path}, and below it the name of a registration
     * named in {@code providers} ({@code /oidc/callback/work}), so that each provider has its own redirect URI}
     */
    public String redirectPath() {
        return isNamed() ? ApplicationSettings.below(app.redirectPath(), registration) : app.redirectPath();
    }
    /** {@return the logout path ({@code logout-path})} */
    public String logoutPath() { return app.logoutPath(); }
    /**
     * {@return this registration's back-channel logout path: {@code backchannel-logout-path}, and below it the name
     * of a registration named in {@code providers} ({@code /oidc/backchannel-logout/work})}
     */
    public String backchannelLogoutPath() {
        return isNamed()
                ? ApplicationSettings.below(app.backchannelLogoutPath(), registration) : app.backchannelLogoutPath();
    }
    /** {@return the path that starts a login, {@code ?provider=} naming the registration ({@code login-path})} */
    public String loginPath() { return app.loginPath(); }
    /** {@return where the provider sends the browser after logout ({@code post-logout-redirect-uri}), if set} */
    public Optional<String> postLogoutRedirectUri() { return Optional.ofNullable(app.postLogoutRedirectUri()); }
    /** {@return the path patterns served without login ({@code public-paths})} */
    public List<String> publicPaths() { return app.publicPaths(); }
    /** {@return the path patterns answered with 401 instead of a login redirect ({@code api-paths})} */
    public List<String> apiPaths() { return app.apiPaths(); }
    /** {@return the external URL of the application root ({@code base-url}), if set} */
    public Optional<URI> baseUrl() { return Optional.ofNullable(app.baseUrl()); }
    /** {@return the connect timeout of calls to the provider ({@code connect-timeout})} */
    public Duration connectTimeout() { return app.connectTimeout(); }
    /** {@return the read timeout of calls to the provider ({@code read-timeout})} */
    public Duration readTimeout() { return app.readTimeout(); }
    /** {@return whether an expired login is renewed with {@code prompt=none} first ({@code silent-reauth})} */
    public boolean silentReauth() { return app.silentReauth(); }
    /** {@return the largest provider answer read, in bytes ({@code max-response-size}, default 1 MiB)} */
    public long maxResponseSize() { return app.maxResponseSize(); }
    /** {@return whether plain {@code http://} provider endpoints off this machine are accepted ({@code allow-http})} */
    public boolean allowHttp() { return app.allowHttp(); }
    /**
     * {@return the {@code SameSite} value ({@code Lax}, {@code Strict}) for a session cookie the container wrote
     * without one; empty for {@code session-cookie-same-site=none}}
     */
    public Optional<String> sessionCookieSameSite() { return Optional.ofNullable(app.sessionCookieSameSite()); }
    /** {@return the {@code store} key and its pass-through {@code store-*} settings} */
    public StoreSettings store() { return app.store(); }

    /**
     * The name of this provider registration: {@code default} for the single provider of the un-named keys, else
     * its name in {@code providers}. Each login remembers it; refresh, logout and revocation go to its provider.
     *
     * @return the registration's name
     */
    public String registration() { return registration; }
    /** {@return what the login chooser shows for this registration ({@code display-name}, default its name)} */
    public String displayName() { return displayName; }
    /** {@return the path patterns whose anonymous requests log in with this registration ({@code paths})} */
    public List<String> paths() { return paths; }
    /** {@return the host names whose anonymous requests log in with this registration ({@code hosts})} */
    public List<String> hosts() { return hosts; }

    private boolean isNamed() {
        return !OidcLogin.DEFAULT_REGISTRATION.equals(registration);
    }
    /** {@return when a login calls the UserInfo endpoint ({@code userinfo}: always, never or auto)} */
    public UserinfoPolicy userinfo() { return userinfo; }
    /** {@return the template issuer's tenants ({@code tenants}, with {@code {tenantid}} in {@code issuer})} */
    public TenantIssuers tenants() { return tenants; }
    /** {@return when logins use pushed authorization requests ({@code par}), and {@code par-endpoint} if set} */
    public ParPolicy par() { return par; }

    @Override
    public String toString() {
        return "OidcConfig[registration=" + registration + ", issuer=" + issuer + ", clientId=" + clientId + ", clientAuthMethod="
                + (clientAuthMethod == null ? null : clientAuthMethod.registeredName())
                + ", clientSecret=" + (clientSecret == null ? "none" : clientSecret)
                + ", endpoints=" + (manualEndpoints() ? "manual" : "discovery " + (issuer == null ? null : effectiveDiscoveryUri()))
                + ", scopes=" + scopes + ", redirectPath=" + redirectPath() + "]";
    }
}
