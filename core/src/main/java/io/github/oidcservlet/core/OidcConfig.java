package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.config.UserinfoPolicy;
import io.github.oidcservlet.core.internal.config.ClientAuthMethod;
import io.github.oidcservlet.core.internal.config.ClientCredentials;
import io.github.oidcservlet.core.internal.config.ConfigKey;
import io.github.oidcservlet.core.internal.config.ConfigReader;
import io.github.oidcservlet.core.internal.config.KeySuggestions;
import io.github.oidcservlet.core.internal.config.LoginRequestRules;
import io.github.oidcservlet.core.internal.config.PlainHttp;
import io.github.oidcservlet.core.internal.config.Secret;
import io.github.oidcservlet.core.internal.config.StoreSettings;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
        expiresInUnit = expiresInUnit(in);
        redirectPath = in.path(ConfigKey.REDIRECT_PATH);
        logoutPath = in.path(ConfigKey.LOGOUT_PATH);
        backchannelLogoutPath = in.path(ConfigKey.BACKCHANNEL_LOGOUT_PATH);
        postLogoutRedirectUri = postLogoutRedirectUri(in);
        publicPaths = in.patterns(ConfigKey.PUBLIC_PATHS);
        apiPaths = in.patterns(ConfigKey.API_PATHS);
        baseUrl = baseUrl(in);
        connectTimeout = in.seconds(ConfigKey.CONNECT_TIMEOUT, 1);
        readTimeout = in.seconds(ConfigKey.READ_TIMEOUT, 1);
        silentReauth = in.bool(ConfigKey.SILENT_REAUTH);
        maxResponseSize = in.bytes(ConfigKey.MAX_RESPONSE_SIZE, 1024);
        allowHttp = in.bool(ConfigKey.ALLOW_HTTP);
        sessionCookieSameSite = sameSite(in);
        store = StoreSettings.read(in, in.source());
        userinfo = UserinfoPolicy.parse(in);
        checkEndpoints(in);
        PlainHttp.check(in, this);
        checkPathsDiffer(in);
    }

    /**
     * Builds the configuration, or throws {@link OidcConfigException} listing every problem.
     */
    public static OidcConfig from(ConfigSource source) {
        ConfigReader reader = new ConfigReader(source);
        OidcConfig config = new OidcConfig(reader);
        if (!reader.problems().isEmpty()) {
            throw new OidcConfigException(reader.problems());
        }
        return config;
    }

    /**
     * Builds the configuration from {@code web.xml} init-params (or annotation attributes) overridden by
     * environment variables and system properties; an init-param that is no known key is a problem too.
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
        OidcConfig config = new OidcConfig(reader);
        if (!reader.problems().isEmpty()) {
            throw new OidcConfigException(reader.problems());
        }
        return config;
    }

    private static ChronoUnit expiresInUnit(ConfigReader in) {
        String text = in.optional(ConfigKey.EXPIRES_IN_UNIT).orElseThrow().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "seconds" -> ChronoUnit.SECONDS;
            case "milliseconds" -> ChronoUnit.MILLIS;
            default -> {
                in.problem(ConfigKey.EXPIRES_IN_UNIT, "must be seconds or milliseconds, got '" + text + "'");
                yield ChronoUnit.SECONDS;
            }
        };
    }

    private static String postLogoutRedirectUri(ConfigReader in) {
        Optional<String> text = in.optional(ConfigKey.POST_LOGOUT_REDIRECT_URI);
        if (text.isPresent() && !text.get().startsWith("/")) {
            in.parseUrl(ConfigKey.POST_LOGOUT_REDIRECT_URI, text.get());
        } else if (text.isPresent() && text.get().startsWith("//")) {
            in.problem(ConfigKey.POST_LOGOUT_REDIRECT_URI, "must be a path ('/bye') or an absolute URL, got '" + text.get() + "'");
        }
        return text.orElse(null);
    }

    private static String sameSite(ConfigReader in) {
        String text = in.optional(ConfigKey.SESSION_COOKIE_SAME_SITE).orElseThrow();
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "lax" -> "Lax";
            case "strict" -> "Strict";
            case "none" -> null;
            default -> {
                in.problem(ConfigKey.SESSION_COOKIE_SAME_SITE, "must be Lax, Strict or none (leave the container's "
                        + "cookie as it is), got '" + text + "'");
                yield null;
            }
        };
    }

    private static URI baseUrl(ConfigReader in) {
        URI uri = in.url(ConfigKey.BASE_URL);
        if (uri != null && (uri.getRawQuery() != null)) {
            in.problem(ConfigKey.BASE_URL, "must not have a query, got '" + uri + "'");
        }
        return uri;
    }

    private void checkEndpoints(ConfigReader in) {
        if (authorizationEndpoint != null && tokenEndpoint == null) {
            in.problem(ConfigKey.TOKEN_ENDPOINT, "is required when authorization-endpoint is set (manual endpoints)");
        }
        if (tokenEndpoint != null && authorizationEndpoint == null) {
            in.problem(ConfigKey.AUTHORIZATION_ENDPOINT, "is required when token-endpoint is set (manual endpoints)");
        }
        if (issuer != null && !manualEndpoints() && discoveryUri == null && !isHttpUrl(issuer)) {
            in.problem(ConfigKey.ISSUER, "is '" + issuer + "', not an http(s) URL, so discovery cannot be used: set "
                    + "discovery-uri, or authorization-endpoint and token-endpoint");
        }
        if (manualEndpoints() && jwksUri == null
                && (idTokenAlgs.isEmpty() || idTokenAlgs.stream().anyMatch(a -> !LoginRequestRules.isHmac(a)))) {
            in.problem(ConfigKey.JWKS_URI, "is required with manual endpoints to verify "
                    + (idTokenAlgs.isEmpty() ? "RS256" : String.join("/", idTokenAlgs))
                    + " ID tokens (only HS256/384/512 in id-token-algs need no jwks-uri)");
        }
    }

    private void checkPathsDiffer(ConfigReader in) {
        if (redirectPath != null && redirectPath.equals(logoutPath)) {
            in.problem(ConfigKey.LOGOUT_PATH, "must differ from redirect-path ('" + redirectPath + "')");
        }
    }

    private static boolean isHttpUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** True when both authorization and token endpoints are configured: no discovery document is fetched. */
    public boolean manualEndpoints() {
        return authorizationEndpoint != null && tokenEndpoint != null;
    }

    /** Where discovery happens: {@code discovery-uri}, else {@code {issuer}/.well-known/openid-configuration}. */
    public URI effectiveDiscoveryUri() {
        if (discoveryUri != null) {
            return discoveryUri;
        }
        // OpenID Discovery 1.0 §4: the issuer with any terminating '/' removed, then the well-known suffix.
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    public String issuer() { return issuer; }
    public Optional<URI> discoveryUri() { return Optional.ofNullable(discoveryUri); }
    public Optional<URI> authorizationEndpoint() { return Optional.ofNullable(authorizationEndpoint); }
    public Optional<URI> tokenEndpoint() { return Optional.ofNullable(tokenEndpoint); }
    public Optional<URI> userinfoEndpoint() { return Optional.ofNullable(userinfoEndpoint); }
    public Optional<URI> jwksUri() { return Optional.ofNullable(jwksUri); }
    public Optional<URI> endSessionEndpoint() { return Optional.ofNullable(endSessionEndpoint); }
    public Optional<URI> revocationEndpoint() { return Optional.ofNullable(revocationEndpoint); }
    public String clientId() { return clientId; }
    public Optional<Secret> clientSecret() { return Optional.ofNullable(clientSecret); }
    public ClientAuthMethod clientAuthMethod() { return clientAuthMethod; }
    public Optional<Path> clientPrivateKey() { return Optional.ofNullable(clientPrivateKey); }
    /** The parsed {@code client-private-key} (RSA or EC P-256), for {@code private_key_jwt}. */
    public Optional<PrivateKey> clientSigningKey() { return Optional.ofNullable(clientSigningKey); }
    /** {@code RS256} for an RSA {@code client-private-key}, {@code ES256} for EC P-256; empty without a key. */
    public Optional<String> clientSigningAlgorithm() {
        return clientSigningKey().map(ClientCredentials::algorithmOf);
    }
    public Optional<String> clientAssertionAudience() { return Optional.ofNullable(clientAssertionAudience); }
    public String scopes() { return scopes; }
    public Map<String, String> extraAuthParams() { return extraAuthParams; }
    /** Configured ID token algorithms; empty means "the asymmetric ones the provider advertises". */
    public List<String> idTokenAlgs() { return idTokenAlgs; }
    public Optional<String> principalClaim() { return Optional.ofNullable(principalClaim); }
    public String rolesClaim() { return rolesClaim; }
    public Duration refreshMargin() { return refreshMargin; }
    public Duration clockSkew() { return clockSkew; }
    public ChronoUnit expiresInUnit() { return expiresInUnit; }
    public String redirectPath() { return redirectPath; }
    public String logoutPath() { return logoutPath; }
    public String backchannelLogoutPath() { return backchannelLogoutPath; }
    public Optional<String> postLogoutRedirectUri() { return Optional.ofNullable(postLogoutRedirectUri); }
    public List<String> publicPaths() { return publicPaths; }
    public List<String> apiPaths() { return apiPaths; }
    public Optional<URI> baseUrl() { return Optional.ofNullable(baseUrl); }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }
    public boolean silentReauth() { return silentReauth; }
    /** The largest provider answer read, in bytes ({@code max-response-size}, default 1 MiB). */
    public long maxResponseSize() { return maxResponseSize; }
    /** Whether plain {@code http://} provider endpoints off this machine are accepted ({@code allow-http}). */
    public boolean allowHttp() { return allowHttp; }
    /**
     * The {@code SameSite} value ({@code Lax}, {@code Strict}) for a session cookie the container wrote without
     * one; empty for {@code session-cookie-same-site=none}.
     */
    public Optional<String> sessionCookieSameSite() { return Optional.ofNullable(sessionCookieSameSite); }
    /** The {@code store} key and its pass-through {@code store-*} settings. */
    public StoreSettings store() { return store; }

    /**
     * The name of this provider registration: {@code default} for the single provider configured by the un-named
     * keys, which is every configuration today. Each login remembers it, so a second registration can later be
     * added beside this one.
     */
    public String registration() { return "default"; }
    public UserinfoPolicy userinfo() { return userinfo; }

    @Override
    public String toString() {
        return "OidcConfig[issuer=" + issuer + ", clientId=" + clientId + ", clientAuthMethod="
                + (clientAuthMethod == null ? null : clientAuthMethod.registeredName())
                + ", clientSecret=" + (clientSecret == null ? "none" : clientSecret)
                + ", endpoints=" + (manualEndpoints() ? "manual" : "discovery " + (issuer == null ? null : effectiveDiscoveryUri()))
                + ", scopes=" + scopes + ", redirectPath=" + redirectPath + "]";
    }
}
