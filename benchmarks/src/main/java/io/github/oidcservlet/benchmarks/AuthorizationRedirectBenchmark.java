package io.github.oidcservlet.benchmarks;

import io.github.oidcservlet.core.internal.login.AuthorizationRequests;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Building the authorization redirect: state, nonce and PKCE verifier from SecureRandom, the S256 hash, the URL. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AuthorizationRedirectBenchmark {

    private AuthorizationRequests requests;
    private final URI endpoint = URI.create(Tokens.ISSUER + "/protocol/openid-connect/auth");

    @Setup
    public void setUp() {
        requests = new AuthorizationRequests(BenchConfigs.config(), Clock.systemUTC());
    }

    @Benchmark
    public AuthorizationRequests.Started authorizationRedirect() {
        return requests.start(endpoint, "https://shop.example.com/oidc/callback", "/orders?page=2", Map.of());
    }
}
