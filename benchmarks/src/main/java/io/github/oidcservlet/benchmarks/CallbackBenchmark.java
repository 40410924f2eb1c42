package io.github.oidcservlet.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.login.LoginResult;
import io.github.oidcservlet.core.internal.login.PendingLogin;
import io.github.oidcservlet.core.internal.login.PendingLogins;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The callback's own CPU work, the provider's answers in memory ({@link CannedHttpClient}): match the state, build
 * and authenticate the token request, read the token response, validate the RS256 ID token (OIDC Core §3.1.3.7),
 * read userinfo and check its {@code sub} (with {@code userinfo=always}), make the session. What a login costs the
 * relying party besides waiting for the provider.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CallbackBenchmark {

    private static final String STATE = "Qm9ndXMgc3RhdGUgZm9yIHRoZSBjYWxsYmFjayBiZW5jaG1hcms";
    private static final String REDIRECT_URI = "https://shop.example.com/oidc/callback";

    @Param({"always", "auto"})
    public String userinfo;

    private OidcEngine engine;
    private final Map<String, List<String>> params = Map.of("state", List.of(STATE), "code", List.of("c0de"));

    @Setup
    public void setUp() throws Exception {
        RSAKey key = Tokens.rsaKey();
        ObjectMapper json = new ObjectMapper();
        Instant now = Instant.now();
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("access_token", Tokens.sign(Tokens.accessTokenClaims(now, "f9a2c"), key));
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", 300);
        tokens.put("refresh_token", "r-" + "x".repeat(700));
        tokens.put("id_token", Tokens.sign(Tokens.idTokenClaims(now, "f9a2c"), key));
        tokens.put("scope", "openid profile email");
        Map<String, Object> user = new LinkedHashMap<>(Tokens.idTokenClaims(now, "f9a2c").getClaims());
        user.keySet().retainAll(List.of("sub", "name", "preferred_username", "given_name", "family_name", "email",
                "email_verified", "groups"));
        String base = URI.create(Tokens.ISSUER).getPath() + "/protocol/openid-connect";
        CannedHttpClient client = new CannedHttpClient(Map.of(
                base + "/token", json.writeValueAsString(tokens),
                base + "/certs", new JWKSet(key.toPublicJWK()).toString(),
                base + "/userinfo", json.writeValueAsString(user)));
        Map<String, String> init = BenchConfigs.initParams();
        init.put("userinfo-endpoint", Tokens.ISSUER + "/protocol/openid-connect/userinfo");
        init.put("userinfo", userinfo);
        OidcConfig config = OidcConfig.fromInitParams(init);
        OidcProvider provider = new OidcProvider(config, new ProviderHttp(client, Duration.ofSeconds(10)));
        provider.prefetchKeys();
        Clock clock = Clock.systemUTC();
        engine = new OidcEngine(config, provider, clock, io.github.oidcservlet.core.internal.store.StoreProviders.create(
                new io.github.oidcservlet.core.store.StoreContext(config, clock, Duration.ofSeconds(30),
                        Duration.ofSeconds(2), Duration.ofMinutes(10))));
        if (!(callback() instanceof LoginResult.LoggedIn)) {
            throw new IllegalStateException("the canned login does not log in: " + callback());
        }
    }

    @Benchmark
    public LoginResult callback() {
        PendingLogins pending = new PendingLogins();
        pending.add(new PendingLogin(STATE, Tokens.NONCE, "v3r1f13r-0f-f0rty-thr33-ch4r4ct3rs-l0ng-xxxx", REDIRECT_URI,
                "/", System.currentTimeMillis(), false));
        return engine.completeLogin(params, pending);
    }
}
