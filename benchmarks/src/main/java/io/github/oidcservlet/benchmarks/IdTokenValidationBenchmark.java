package io.github.oidcservlet.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.internal.validation.IdTokenValidator;
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

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * The whole OIDC Core §3.1.3.7 validation (keys cached) against a bare Nimbus parse-and-verify of the same token:
 * the difference is what the claim checks and key selection cost on top of the cryptography.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class IdTokenValidationBenchmark {

    @Param({"RS256", "ES256"})
    public String alg;

    private String token;
    private IdTokenValidator validator;
    private JWSVerifier bareVerifier;

    @Setup
    public void setUp() throws JOSEException {
        Instant now = Instant.now();
        JWK key = alg.equals("RS256") ? Tokens.rsaKey() : Tokens.ecKey();
        token = Tokens.sign(Tokens.idTokenClaims(now, "f9a2c"), key);
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
        validator = new IdTokenValidator(BenchConfigs.config(), BenchConfigs.metadata(), () -> keys,
                Clock.fixed(now.plusSeconds(5), ZoneOffset.UTC));
        bareVerifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa.toRSAPublicKey())
                : new ECDSAVerifier(((ECKey) key).toECPublicKey());
        validator.validate(token, Tokens.NONCE);
    }

    @Benchmark
    public JWTClaimsSet fullValidation() {
        return validator.validate(token, Tokens.NONCE);
    }

    @Benchmark
    public boolean bareSignatureVerification() throws ParseException, JOSEException {
        return SignedJWT.parse(token).verify(bareVerifier);
    }
}
