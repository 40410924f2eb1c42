package io.github.oidcservlet.sample;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.token.RequestMapping;
import no.nav.security.mock.oauth2.token.RequestMappingTokenCallback;
import okhttp3.Headers;

/**
 * A throw-away OpenID Provider for trying the sample without one: mock-oauth2-server on 127.0.0.1, with its
 * interactive login page, where any user name logs in. The users {@code admin} and {@code demo} get the groups
 * {@code users} and {@code admin}, everyone else {@code users} only; the filter's default {@code roles-claim}
 * ({@code groups}) turns those into roles.
 */
public final class DemoProvider implements AutoCloseable {

    /** The issuer's path on the mock server: the issuer is {@code http://127.0.0.1:<port>/demo}. */
    static final String ISSUER_ID = "demo";

    /** The client the sample registers as; the mock server accepts any client and any secret. */
    static final String CLIENT_ID = "oidc-servlet-sample";

    /** User names that get the {@code admin} group, as a regular expression over the whole name. */
    static final String ADMIN_USERS_PATTERN = "admin|demo";

    private static final long TOKEN_LIFETIME_SECONDS = 3600;

    private final MockOAuth2Server server;
    private final URI issuer;
    private final List<String> issuerIds;
    private final String clientSecret;
    /** Held so that the level set on it stays: java.util.logging keeps loggers only weakly. */
    private final Logger mockWebServerLog;

    private DemoProvider(MockOAuth2Server server, List<String> issuerIds, String clientSecret, Logger mockWebServerLog) {
        this.server = server;
        this.issuerIds = List.copyOf(issuerIds);
        // Built here rather than taken from server.issuerUrl(): that one names the host "localhost", and the
        // issuer must be the very string the provider puts in "iss" when asked at 127.0.0.1.
        this.issuer = issuer(server, issuerIds.get(0));
        this.clientSecret = clientSecret;
        this.mockWebServerLog = mockWebServerLog;
    }

    /** Starts the provider on 127.0.0.1 and a free port, with the one issuer {@code http://127.0.0.1:<port>/demo}. */
    public static DemoProvider start() {
        return start(List.of(ISSUER_ID));
    }

    /**
     * Starts the provider with several issuers on one server, {@code http://127.0.0.1:<port>/<id>} each, for the
     * sample with several registrations ({@code OIDC_PROVIDERS}): each issuer is a provider of its own, with its own
     * keys and logins.
     *
     * @param issuerIds the issuers' paths, e.g. the registrations' names
     */
    public static DemoProvider start(List<String> issuerIds) {
        // Its HTTP server logs every request through java.util.logging at INFO, and each of a browser's unused
        // pre-connections at WARNING; the console is for the user.
        Logger mockWebServerLog = Logger.getLogger("mockwebserver3.MockWebServer");
        mockWebServerLog.setLevel(Level.SEVERE);

        // The login page's user name reaches the token callback as the "subject" match parameter;
        // "${subject}" in a claim value is replaced by it. The first mapping that matches wins.
        Set<RequestMappingTokenCallback> users = new java.util.HashSet<>();
        for (String issuerId : issuerIds) {
            users.add(new RequestMappingTokenCallback(issuerId, List.of(
                    new RequestMapping("subject", ADMIN_USERS_PATTERN,
                            Map.of("preferred_username", "${subject}", "groups", List.of("users", "admin")), "JWT"),
                    new RequestMapping("subject", "*",
                            Map.of("preferred_username", "${subject}", "groups", List.of("users")), "JWT")),
                    TOKEN_LIFETIME_SECONDS));
        }
        OAuth2Config config = new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), Set.copyOf(users));
        // Access token revocation answered without the mock server's ERROR stack trace (see QuietRevocationRoute).
        MockOAuth2Server server = new MockOAuth2Server(config,
                issuerIds.stream().map(QuietRevocationRoute::new).toArray(Route[]::new));
        InetAddress loopback;
        try {
            loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        server.start(loopback, 0);
        return new DemoProvider(server, issuerIds, randomSecret(), mockWebServerLog);
    }

    private static URI issuer(MockOAuth2Server server, String issuerId) {
        return URI.create("http://127.0.0.1:" + server.baseUrl().port() + "/" + issuerId);
    }

    /** The issuer of that id (a registration's name), {@code http://127.0.0.1:<port>/<id>}. */
    public URI issuer(String issuerId) {
        return issuer(server, issuerId);
    }

    /** The (first) issuer URL, also the base of the discovery document. */
    public URI issuer() {
        return issuer;
    }

    /** Where the filter sends browsers to log in. */
    public URI authorizationEndpoint() {
        return URI.create(issuer + "/authorize");
    }

    /**
     * The filter configuration for this provider, to be given as init-params: the lowest precedence, so that
     * {@code OIDC_*} environment variables and {@code oidc.*} system properties still win.
     */
    public Map<String, String> filterParameters() {
        return Map.of(
                "issuer", issuer.toString(),
                "client-id", CLIENT_ID,
                "client-secret", clientSecret);
    }

    /**
     * The filter configuration of several registrations served by this provider, one issuer each, to be given as
     * init-params ({@code providers} and {@code <name>.issuer}, {@code <name>.client-id},
     * {@code <name>.client-secret}); the issuers are the names the provider was started with.
     *
     * @param providers the value of {@code providers}: these and the registrations configured elsewhere
     */
    public Map<String, String> filterParameters(String providers) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("providers", providers);
        for (String name : issuerIds) {
            params.put(name + ".issuer", issuer(name).toString());
            params.put(name + ".client-id", CLIENT_ID);
            params.put(name + ".client-secret", clientSecret);
        }
        return params;
    }

    /** {@return the issuers' paths this provider serves} */
    public List<String> issuerIds() {
        return issuerIds;
    }

    /** Stops the provider's HTTP server. */
    @Override
    public void close() {
        server.shutdown();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The demo provider's answer to revoking anything but a refresh token: mock-oauth2-server revokes refresh tokens
     * only and says so with RFC 7009 §2.2.1 {@code unsupported_token_type}, an ordinary answer, but it gets there by
     * throwing, and logs a 25-line ERROR stack trace at every logout of the sample. This route gives the same answer
     * without the exception; refresh tokens still go to the mock server's own revocation.
     */
    static final class QuietRevocationRoute implements Route {

        static final String DESCRIPTION = "the demo provider revokes refresh tokens only";

        private final String path;

        /** @param issuerId the issuer's path on the mock server, e.g. {@code demo} */
        QuietRevocationRoute(String issuerId) {
            this.path = "/" + issuerId + "/revoke";
        }

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return "POST".equals(request.getMethod()) && path.equals(request.getUrl().encodedPath())
                    && !"refresh_token".equals(request.getFormParameters().get("token_type_hint"));
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8"), 400,
                    "{\"error\":\"unsupported_token_type\",\"error_description\":\"" + DESCRIPTION + "\"}", null);
        }
    }
}
