package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.config.UserinfoPolicy;
import io.github.oidcservlet.core.internal.config.ApplicationRules;
import io.github.oidcservlet.core.internal.config.ClientAuthMethod;
import io.github.oidcservlet.core.internal.config.ClientCredentials;
import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.internal.config.ConfigReader;
import io.github.oidcservlet.core.internal.config.KeySuggestions;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration of one relying party, immutable, built once at start-up by {@link #from(ConfigSource)}.
 * Every problem is reported at once in an {@link OidcConfigException}, each naming its key as the user wrote it.
 * {@link #toString()} never shows the client secret.
 */
public final class OidcConfig {

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
    private final Duration refreshMargin;
    private final Duration clockSkew;
    private final ChronoUnit expiresInUnit;
    private final String redirectPath;
    private final String logoutPath;
    private final String backchannelLogoutPath;
    private final String postLogoutRedirectUri;
    private final List<String> publicPaths;
    private final List<String> apiPaths;
    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final boolean silentReauth;
    private final long maxResponseSize;
    private final boolean allowHttp;
    private final String sessionCookieSameSite;
    private final StoreSettings store;
    private final UserinfoPolicy userinfo;
    private final TenantIssuers tenants;
    private final ParPolicy par;

    private OidcConfig(ConfigReader in) {
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
        refreshMargin = in.seconds(ConfigKey.REFRESH_MARGIN, 0);
        clockSkew = in.seconds(ConfigKey.CLOCK_SKEW, 0);
        expiresInUnit = ApplicationRules.expiresInUnit(in);
        redirectPath = in.path(ConfigKey.REDIRECT_PATH);
        logoutPath = in.path(ConfigKey.LOGOUT_PATH);
        backchannelLogoutPath = in.path(ConfigKey.BACKCHANNEL_LOGOUT_PATH);
        postLogoutRedirectUri = ApplicationRules.postLogoutRedirectUri(in);
        publicPaths = in.patterns(ConfigKey.PUBLIC_PATHS);
        apiPaths = in.patterns(ConfigKey.API_PATHS);
        baseUrl = ApplicationRules.baseUrl(in);
        connectTimeout = in.seconds(ConfigKey.CONNECT_TIMEOUT, 1);
        readTimeout = in.seconds(ConfigKey.READ_TIMEOUT, 1);
        silentReauth = in.bool(ConfigKey.SILENT_REAUTH);
        maxResponseSize = in.bytes(ConfigKey.MAX_RESPONSE_SIZE, 1024);
        allowHttp = in.bool(ConfigKey.ALLOW_HTTP);
        sessionCookieSameSite = ApplicationRules.sessionCookieSameSite(in);
        store = StoreSettings.read(in, in.source());
        userinfo = UserinfoPolicy.parse(in);
        tenants = TenantIssuers.read(in, issuer, discoveryUri != null || authorizationEndpoint != null);
        par = ParPolicy.parse(in);
        checkCombinations(in);
        PlainHttp.check(in, this);
    }

    /**
     * Builds the configuration from a source, checking every key at once.
     *
     * @param source where the values come from, e.g. {@link ConfigSource#standard(Map)}
     * @return the checked configuration
     * @throws OidcConfigException listing every problem, each naming its key as the user wrote it
     */
    public static OidcConfig from(ConfigSource source) {
        return checked(new ConfigReader(source));
    }

    /**
     * Builds the configuration from {@code web.xml} init-params (or annotation attributes) overridden by
     * environment variables and system properties; an init-param that is no known key is a problem too.
     *
     * @param initParams the init-params or annotation attributes, keyed by the plain key
     * @return the checked configuration
     * @throws OidcConfigException listing every problem, each naming its key as the user wrote it
     */
    public static OidcConfig fromInitParams(Map<String, String> initParams) {
        ConfigSource source = ConfigSource.standard(initParams);
        ConfigReader reader = new ConfigReader(source);
        for (String name : initParams.keySet()) {
            // store-* keys are passed through to the chosen store, which checks them
            if (Arrays.stream(ConfigKey.values()).noneMatch(k -> k.key().equals(name))
                    && !name.startsWith(ConfigKey.STORE.key() + "-")) {
                reader.problems().add("init-param '" + name + "' is not a known key" + KeySuggestions.forName(name));
            }
        }
        return checked(reader);
    }

    private static OidcConfig checked(ConfigReader reader) {
        OidcConfig config = new OidcConfig(reader);
        if (!reader.problems().isEmpty()) {
            throw new OidcConfigException(reader.problems());
        }
        return config;
    }

    /** The rules that tie several keys together. */
    private void checkCombinations(ConfigReader in) {
        if (authorizationEndpoint != null && tokenEndpoint == null) {
            in.problem(ConfigKey.TOKEN_ENDPOINT, "is required when authorization-endpoint is set (manual endpoints)");
        }
        if (tokenEndpoint != null && authorizationEndpoint == null) {
            in.problem(ConfigKey.AUTHORIZATION_ENDPOINT, "is required when token-endpoint is set (manual endpoints)");
        }
        if (issuer != null && !manualEndpoints() && discoveryUri == null && !PlainHttp.isHttpUrl(issuer)) {
            in.problem(ConfigKey.ISSUER, "is '" + issuer + "', not an http(s) URL, so discovery cannot be used: set "
                    + "discovery-uri, or authorization-endpoint and token-endpoint");
        }
        if (manualEndpoints() && jwksUri == null
                && (idTokenAlgs.isEmpty() || idTokenAlgs.stream().anyMatch(a -> !LoginRequestRules.isHmac(a)))) {
            in.problem(ConfigKey.JWKS_URI, "is required with manual endpoints to verify "
                    + (idTokenAlgs.isEmpty() ? "RS256" : String.join("/", idTokenAlgs))
                    + " ID tokens (only HS256/384/512 in id-token-algs need no jwks-uri)");
        }
        if (redirectPath != null && redirectPath.equals(logoutPath)) {
            in.problem(ConfigKey.LOGOUT_PATH, "must differ from redirect-path ('" + redirectPath + "')");
        }
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
    public Duration refreshMargin() { return refreshMargin; }
    /** {@return the tolerance for {@code exp}, {@code iat} and {@code auth_time} ({@code clock-skew})} */
    public Duration clockSkew() { return clockSkew; }
    /** {@return the unit of the token response's {@code expires_in} ({@code expires-in-unit})} */
    public ChronoUnit expiresInUnit() { return expiresInUnit; }
    /** {@return the callback path ({@code redirect-path})} */
    public String redirectPath() { return redirectPath; }
    /** {@return the logout path ({@code logout-path})} */
    public String logoutPath() { return logoutPath; }
    /** {@return the back-channel logout path ({@code backchannel-logout-path})} */
    public String backchannelLogoutPath() { return backchannelLogoutPath; }
    /** {@return where the provider sends the browser after logout ({@code post-logout-redirect-uri}), if set} */
    public Optional<String> postLogoutRedirectUri() { return Optional.ofNullable(postLogoutRedirectUri); }
    /** {@return the path patterns served without login ({@code public-paths})} */
    public List<String> publicPaths() { return publicPaths; }
    /** {@return the path patterns answered with 401 instead of a login redirect ({@code api-paths})} */
    public List<String> apiPaths() { return apiPaths; }
    /** {@return the external URL of the application root ({@code base-url}), if set} */
    public Optional<URI> baseUrl() { return Optional.ofNullable(baseUrl); }
    /** {@return the connect timeout of calls to the provider ({@code connect-timeout})} */
    public Duration connectTimeout() { return connectTimeout; }
    /** {@return the read timeout of calls to the provider ({@code read-timeout})} */
    public Duration readTimeout() { return readTimeout; }
    /** {@return whether an expired login is renewed with {@code prompt=none} first ({@code silent-reauth})} */
    public boolean silentReauth() { return silentReauth; }
    /** {@return the largest provider answer read, in bytes ({@code max-response-size}, default 1 MiB)} */
    public long maxResponseSize() { return maxResponseSize; }
    /** {@return whether plain {@code http://} provider endpoints off this machine are accepted ({@code allow-http})} */
    public boolean allowHttp() { return allowHttp; }
    /**
     * {@return the {@code SameSite} value ({@code Lax}, {@code Strict}) for a session cookie the container wrote
     * without one; empty for {@code session-cookie-same-site=none}}
     */
    public Optional<String> sessionCookieSameSite() { return Optional.ofNullable(sessionCookieSameSite); }
    /** {@return the {@code store} key and its pass-through {@code store-*} settings} */
    public StoreSettings store() { return store; }

    /**
     * The name of this provider registration: {@code default} for the single provider configured by the un-named
     * keys, which is every configuration today. Each login remembers it, so a second registration can later be
     * added beside this one.
     *
     * @return the registration's name
     */
    public String registration() { return "default"; }
    /** {@return when a login calls the UserInfo endpoint ({@code userinfo}: always, never or auto)} */
    public UserinfoPolicy userinfo() { return userinfo; }
    /** {@return the template issuer's tenants ({@code tenants}, with {@code {tenantid}} in {@code issuer})} */
    public TenantIssuers tenants() { return tenants; }
    /** {@return when logins use pushed authorization requests ({@code par}), and {@code par-endpoint} if set} */
    public ParPolicy par() { return par; }

    @Override
    public String toString() {
        return "OidcConfig[issuer=" + issuer + ", clientId=" + clientId + ", clientAuthMethod="
                + (clientAuthMethod == null ? null : clientAuthMethod.registeredName())
                + ", clientSecret=" + (clientSecret == null ? "none" : clientSecret)
                + ", endpoints=" + (manualEndpoints() ? "manual" : "discovery " + (issuer == null ? null : effectiveDiscoveryUri()))
                + ", scopes=" + scopes + ", redirectPath=" + redirectPath + "]";
    }
}
