package io.github.oidcservlet.testkit;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;

/**
 * An OpenID Provider running in-process on 127.0.0.1 and a free port, for tests. Honest by default; the knobs of
 * {@link #behaviour()} make it misbehave on purpose. Thread-safe. Typical use:
 *
 * <pre>{@code
 * try (TestProvider op = TestProvider.start()) {
 *     op.behaviour().signing(Signing.NONE);
 *     ... point the relying party at op.issuer(), client "test-client" / "test-secret" ...
 *     assertThat(op.count("token")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class TestProvider implements AutoCloseable {

    /** The client every provider knows from the start. */
    public static final String DEFAULT_CLIENT_ID = "test-client";
    /** The secret of {@link #DEFAULT_CLIENT_ID}. */
    public static final String DEFAULT_CLIENT_SECRET = "test-secret";
    /** The {@code events} member of a logout token (OpenID Back-Channel Logout 1.0 §2.4). */
    public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final Server server;
    private final ProviderContext context;

    private TestProvider(Server server, ProviderContext context) {
        this.server = server;
        this.context = context;
    }

    /**
     * Starts a provider whose issuer is {@code http://127.0.0.1:<port>}.
     *
     * @return the running provider; close it when done
     */
    public static TestProvider start() {
        return start(TestProviderOptions.defaults());
    }

    /**
     * Starts a provider with an issuer path or a fixed (possibly non-URL) issuer string.
     *
     * @param options the options
     * @return the running provider; close it when done
     */
    public static TestProvider start(TestProviderOptions options) {
        ProviderServer started = ProviderServer.start(options);
        return new TestProvider(started.server(), started.context());
    }

    /** {@return the issuer identifier: {@code http://127.0.0.1:<port>[path]}, or the fixed string of the options} */
    public String issuer() { return context.issuer; }

    /** {@return the issuer template of {@link ProviderBehaviour#multiTenant} mode: {@code <issuer>/{tenantid}/v2.0}} */
    public String tenantIssuerTemplate() { return context.tenantIssuer(ProviderContext.TENANT_PLACEHOLDER); }
    /**
     * @param tid a tenant id
     * @return the issuer of that tenant in multi-tenant mode: {@code <issuer>/<tid>/v2.0}
     */
    public String tenantIssuer(String tid) { return context.tenantIssuer(tid); }

    /** {@return the provider's base URI, {@code http://127.0.0.1:<port>}} */
    public URI baseUri() { return context.uris.base(); }

    /** {@return the discovery document URL ({@code .well-known/openid-configuration})} */
    public URI discoveryUri() { return context.uris.resolve(EndpointUris.DISCOVERY); }
    /** {@return the authorization endpoint} */
    public URI authorizationEndpoint() { return context.uris.resolve(EndpointUris.AUTHORIZE); }
    /** {@return the token endpoint} */
    public URI tokenEndpoint() { return context.uris.resolve(EndpointUris.TOKEN); }
    /** {@return the userinfo endpoint} */
    public URI userinfoEndpoint() { return context.uris.resolve(EndpointUris.USERINFO); }
    /** {@return the JWKS URI} */
    public URI jwksUri() { return context.uris.resolve(EndpointUris.JWKS); }
    /** {@return the end-session endpoint (RP-Initiated Logout)} */
    public URI endSessionEndpoint() { return context.uris.resolve(EndpointUris.END_SESSION); }
    /** {@return the revocation endpoint (RFC 7009)} */
    public URI revocationEndpoint() { return context.uris.resolve(EndpointUris.REVOKE); }
    /** {@return the pushed authorization request endpoint (RFC 9126)} */
    public URI parEndpoint() { return context.uris.resolve(EndpointUris.PAR); }
    /**
     * The live knobs.
     *
     * @return this behaviour, to chain calls
     */
    public ProviderBehaviour behaviour() {
        return context.behaviour;
    }

    /**
     * Back to a fresh provider: default knobs, default client and users, user "alice" logged in; forgets every
     * code, token and recorded request. The keys stay.
     */
    public void reset() {
        context.behaviour.reset();
        context.clients.reset();
        context.users.reset();
        context.grants.clear();
        context.pushed.clear();
        context.log.clear();
        context.assertions.forgetJtis();
    }

    /**
     * Registers (or replaces) a client.
     *
     * @param secretOrNull the secret, or {@code null} for a public client (token endpoint auth method {@code none})
     * @param redirectUris the exact redirect URIs allowed; none means any loopback {@code http(s)} URI
     * @param clientId the client id
     * @return this provider, to chain calls
     */
    public TestProvider client(String clientId, String secretOrNull, String... redirectUris) {
        context.clients.register(new RegisteredClient(clientId, secretOrNull, Arrays.asList(redirectUris)));
        return this;
    }

    /**
     * Registers (or replaces) a confidential client that authenticates with {@code private_key_jwt}: its
     * assertions must verify with this public key (RSA for RS256/PS256, EC P-256 for ES256).
     *
     * @param redirectUris the exact redirect URIs allowed; none means any loopback {@code http(s)} URI
     * @param clientId the client id
     * @param publicKey the publicKey
     * @return this provider, to chain calls
     */
    public TestProvider clientWithKey(String clientId, java.security.PublicKey publicKey, String... redirectUris) {
        context.clients.register(new RegisteredClient(clientId, null, Arrays.asList(redirectUris),
                java.util.Objects.requireNonNull(publicKey, "publicKey")));
        return this;
    }

    /**
     * Adds or overrides claims of a user (every username is a user). A {@code null} value removes a default
     * claim; a {@code sub} claim replaces the username as subject.
     * @param username the user name
     * @param claims the claims, as a JSON object
     * @return this provider, to chain calls
     */
    public TestProvider user(String username, Map<String, Object> claims) {
        context.users.put(username, claims);
        return this;
    }

    /**
     * Who the non-interactive authorization endpoint logs in; default "alice".
     *
     * @param username the user name
     */
    public void loginAs(String username) {
        context.behaviour.loginAs(username);
    }

    /**
     * The requests an endpoint received, oldest first.
     *
     * @param endpointName "authorize", "token", "userinfo", "jwks", "discovery", "revoke", "end_session" or "par"
     * @return the recorded requests, oldest first
     */
    public List<RecordedRequest> requests(String endpointName) {
        return context.log.requests(endpointName);
    }

    /**
     * How many requests an endpoint received.
     *
     * @param endpointName as for {@link #requests(String)}
     * @return the count
     */
    public int count(String endpointName) {
        return requests(endpointName).size();
    }

    /**
     * How many logins {@link ProviderBehaviour#refreshTokenReuseDetection(boolean) reuse detection} has ended since
     * the last {@link #reset()}: each one a refresh token that some client spent twice.
     *
     * @return the number of logins ended that way
     */
    public int loginsEndedByRefreshTokenReuse() {
        return context.grants.endedFamilies();
    }

    /**
     * The current keys, private parts included.
     *
     * @return the keys the provider signs with now
     */
    public KeyMaterial keys() {
        return context.keys.get();
    }

    /** Replaces the RSA and EC keys with new ones under new key ids; the old ones leave the JWKS. */
    public void rotateKeys() {
        context.keys.set(KeyMaterial.generate());
    }

    /** Forgets every access and refresh token (refresh and userinfo then fail), keeping knobs and records. */
    public void forgetTokens() {
        context.grants.forgetTokens();
    }

    /**
     * Signs arbitrary claims exactly as given (the {@link ProviderBehaviour#idTokenClaims} customizer is not
     * applied; {@link ProviderBehaviour#omitKid} is). For {@link Signing#HS256_WITH_CLIENT_SECRET} the key is the
     * secret of the client named by the first {@code aud}.
     * @param claims the claims, as a JSON object
     * @param signing how to sign
     * @return the signed token (compact JWS)
     */
    public String signIdToken(JWTClaimsSet claims, Signing signing) {
        List<String> audience = claims.getAudience();
        RegisteredClient client = context.clients.find(audience == null || audience.isEmpty() ? null : audience.get(0));
        return context.signer.sign(IdTokens.withoutNulls(claims), signing, context.behaviour.omitKid(),
                client == null ? null : client.secret());
    }

    /**
     * The claims of a valid logout token (OpenID Back-Channel Logout 1.0 §2.4) for the default client: {@code iss}
     * (in multi-tenant mode the default tenant's, with its {@code tid}),
     * {@code aud}, {@code iat} now, {@code exp} in two minutes, a fresh {@code jti} and the back-channel logout
     * {@code events} member. Add {@code sid} and/or {@code sub}, or spoil a claim, then {@link #signLogoutToken}.
     * @return a builder with the claims a valid logout token carries
     */
    public JWTClaimsSet.Builder logoutTokenClaims() {
        java.time.Instant now = context.clock.instant();
        String tenant = context.behaviour.multiTenant();
        return new JWTClaimsSet.Builder()
                .issuer(tenant == null ? context.issuer : context.tenantIssuer(tenant))
                .claim("tid", tenant)
                .audience(DEFAULT_CLIENT_ID)
                .issueTime(java.util.Date.from(now))
                .expirationTime(java.util.Date.from(now.plusSeconds(120)))
                .jwtID(java.util.UUID.randomUUID().toString())
                .claim("events", Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()));
    }

    /**
     * Signs a logout token exactly as given, with header {@code typ: logout+jwt} (§2.4); {@code null} claim values
     * are left out. {@link ProviderBehaviour#omitKid} applies.
     * @param claims the claims, as a JSON object
     * @param signing how to sign
     * @return the signed logout token (compact JWS)
     */
    public String signLogoutToken(JWTClaimsSet claims, Signing signing) {
        return signLogoutToken(claims, signing, "logout+jwt");
    }

    /**
     * As {@link #signLogoutToken(JWTClaimsSet, Signing)} with another {@code typ} header, or none ({@code null}).
     *
     * @param claims the claims, as a JSON object
     * @param signing how to sign
     * @param type the type
     * @return the signed logout token (compact JWS)
     */
    public String signLogoutToken(JWTClaimsSet claims, Signing signing, String type) {
        List<String> audience = claims.getAudience();
        RegisteredClient client = context.clients.find(audience == null || audience.isEmpty() ? null : audience.get(0));
        return context.signer.sign(IdTokens.withoutNulls(claims), signing, context.behaviour.omitKid(),
                client == null ? null : client.secret(),
                type == null ? null : new com.nimbusds.jose.JOSEObjectType(type));
    }

    /**
     * Signs {@code payload} verbatim (RS256, the current key, {@code typ} as given or none): for payloads that are
     * no JSON object at all, such as {@code null} or {@code []}, which {@link JWTClaimsSet} cannot express.
     * @param payload the payload
     * @param type the type
     * @return the signed token (compact JWS)
     */
    public String signRawPayload(String payload, String type) {
        return context.signer.signRawPayload(payload, type == null ? null : new com.nimbusds.jose.JOSEObjectType(type));
    }

    /** Stops the server; requests held by a delay knob are answered 503 at once rather than awaited. */
    @Override
    public void close() {
        context.startClosing();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test OpenID Provider", e);
        }
    }

    @Override
    public String toString() {
        return "TestProvider[" + context.issuer + "]";
    }
}
