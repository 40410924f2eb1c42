package io.github.oidcservlet.core.internal.config;

import java.util.Locale;

/**
 * Every configuration key, as the user writes it in {@code web.xml}. The same key is read as system property
 * {@code oidc.<key>} and as environment variable {@code OIDC_<KEY_IN_UPPER_SNAKE_CASE>}.
 */
public enum ConfigKey {
    ISSUER("issuer", null, false),
    DISCOVERY_URI("discovery-uri", null, false),
    /**
     * The tenants a multi-tenant issuer (one with {@code {tenantid}}) accepts, comma or space separated; none means
     * every tenant (see {@link TenantIssuers}).
     */
    TENANTS("tenants", null, false),
    AUTHORIZATION_ENDPOINT("authorization-endpoint", null, false),
    TOKEN_ENDPOINT("token-endpoint", null, false),
    USERINFO_ENDPOINT("userinfo-endpoint", null, false),
    JWKS_URI("jwks-uri", null, false),
    END_SESSION_ENDPOINT("end-session-endpoint", null, false),
    REVOCATION_ENDPOINT("revocation-endpoint", null, false),
    /** The pushed authorization request endpoint (RFC 9126), for providers without discovery. */
    PAR_ENDPOINT("par-endpoint", null, false),
    CLIENT_ID("client-id", null, false),
    CLIENT_SECRET("client-secret", null, true),
    CLIENT_AUTH_METHOD("client-auth-method", null, false),
    CLIENT_PRIVATE_KEY("client-private-key", null, false),
    CLIENT_ASSERTION_AUDIENCE("client-assertion-audience", null, false),
    SCOPES("scopes", "openid profile email", false),
    EXTRA_AUTH_PARAMS("extra-auth-params", null, false),
    ID_TOKEN_ALGS("id-token-algs", null, false),
    PRINCIPAL_CLAIM("principal-claim", null, false),
    ROLES_CLAIM("roles-claim", "groups", false),
    REFRESH_MARGIN("refresh-margin", "30", false),
    CLOCK_SKEW("clock-skew", "60", false),
    EXPIRES_IN_UNIT("expires-in-unit", "seconds", false),
    REDIRECT_PATH("redirect-path", "/oidc/callback", false),
    LOGOUT_PATH("logout-path", "/oidc/logout", false),
    BACKCHANNEL_LOGOUT_PATH("backchannel-logout-path", "/oidc/backchannel-logout", false),
    POST_LOGOUT_REDIRECT_URI("post-logout-redirect-uri", null, false),
    PUBLIC_PATHS("public-paths", null, false),
    API_PATHS("api-paths", "/api/*", false),
    BASE_URL("base-url", null, false),
    CONNECT_TIMEOUT("connect-timeout", "5", false),
    READ_TIMEOUT("read-timeout", "10", false),
    MAX_RESPONSE_SIZE("max-response-size", "1048576", false),
    ALLOW_HTTP("allow-http", "false", false),
    SILENT_REAUTH("silent-reauth", "false", false),
    /**
     * The {@code SameSite} attribute added to the container's session cookie when the container wrote none
     * ({@code Lax}, {@code Strict}); {@code none} leaves the container's cookie as it is.
     */
    SESSION_COOKIE_SAME_SITE("session-cookie-same-site", "Lax", false),
    /**
     * The name of the store of shared state (ended logins, logout-token ids, refresh coordination); {@code memory}
     * keeps it on this node. Every key starting with {@code store-} is passed through to the chosen store.
     */
    STORE("store", "memory", false),
    USERINFO("userinfo", "always", false),
    /** Pushed authorization requests (RFC 9126): {@code auto}, {@code always} or {@code never}. */
    PAR("par", "auto", false),
    /**
     * The names of the provider registrations, comma separated; each reads its own keys ({@code work.issuer},
     * {@code OIDC_WORK_ISSUER}, {@code oidc.work.issuer}). Unset: the un-named keys are the one registration.
     */
    PROVIDERS("providers", null, false),
    /** What the login chooser shows for a registration; its name by default. */
    DISPLAY_NAME("display-name", null, false),
    /** Path patterns whose anonymous requests log in with this registration without the chooser. */
    PATHS("paths", null, false),
    /** Host names ({@code work.example.com}, {@code *.example.com}) whose requests log in with this registration. */
    HOSTS("hosts", null, false),
    /** The path that starts a login: {@code ?provider=<name>} picks the registration, {@code return} the page after. */
    LOGIN_PATH("login-path", "/oidc/login", false);

    private final String key;
    private final String defaultValue;
    private final boolean secret;

    ConfigKey(String key, String defaultValue, boolean secret) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.secret = secret;
    }

    /** The key as written in {@code web.xml}, e.g. {@code client-id}. */
    public String key() {
        return key;
    }

    /** The default as text, or {@code null} when the key has none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether the value must never be logged or shown. */
    public boolean secret() {
        return secret;
    }

    /** {@code oidc.client-id}. */
    public String systemProperty() {
        return "oidc." + key;
    }

    /** {@code OIDC_CLIENT_ID}. */
    public String environmentVariable() {
        return "OIDC_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
