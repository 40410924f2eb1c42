package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static io.github.oidcservlet.core.internal.validation.IdTokens.NONCE;
import static io.github.oidcservlet.core.internal.validation.IdTokens.claims;
import static io.github.oidcservlet.core.internal.validation.IdTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdTokenValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static ProviderMetadata metadata(String... algs) {
        URI base = URI.create(TestConfigs.ISSUER);
        return new ProviderMetadata(TestConfigs.ISSUER, base.resolve("/authorize"), base.resolve("/token"), null,
                base.resolve("/jwks"), null, null, List.of(algs), List.of(), false);
    }

    private static IdTokenValidator validator(OidcConfig config, String... advertised) {
        return new IdTokenValidator(config, metadata(advertised), IdTokens::jwks, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static IdTokenValidator validator() {
        return validator(TestConfigs.valid(), "RS256", "ES256");
    }

    private static void assertRejected(String token, String problem) {
        assertRejected(validator(), token, problem);
    }

    private static void assertRejected(IdTokenValidator validator, String token, String problem) {
        assertThatThrownBy(() -> validator.validate(token, NONCE))
                .isInstanceOf(TokenValidationException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void acceptsValidRs256Token() {
        JWTClaimsSet claims = validator().validate(rs256(claims(NOW).build()), NONCE);
        assertThat(claims.getSubject()).isEqualTo("248289761001");
    }

    @Test
    void acceptsValidEs256Token() {
        assertThat(validator().validate(IdTokens.es256(claims(NOW).build()), NONCE).getSubject()).isEqualTo("248289761001");
    }

    @Test
    void acceptsTokenWithoutKidWhenOneKeyFits() {
        String token = IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims(NOW).build(), IdTokens.RSA);
        assertThat(validator().validate(token, NONCE).getSubject()).isEqualTo("248289761001");
    }

    @Test
    void rejectsUnsignedToken() {
        assertRejected(IdTokens.unsigned(claims(NOW).build()), "unsigned (alg none)");
    }

    @Test
    void rejectsHs256TokenKeyedWithTheRsaPublicKey() {
        // Algorithm confusion: the attacker "signs" with the public key, hoping the verifier uses it as an HMAC key.
        byte[] publicKey = IdTokens.rsaPublicKeyBytes();
        String token = IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims(NOW).build(), publicKey);
        assertRejected(token, "signed with HS256");
    }

    @Test
    void rejectsHs256KeyedWithTheRsaPublicKeyEvenWhenHs256IsConfigured() {
        byte[] publicKey = IdTokens.rsaPublicKeyBytes();
        String token = IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims(NOW).build(), publicKey);
        assertRejected(validator(TestConfigs.with("id-token-algs", "HS256 RS256"), "RS256"), token, "signature");
    }

    @Test
    void rejectsHmacTokenWhenProviderAdvertisesItButConfigurationDoesNotList() {
        String token = IdTokens.sign(new JWSHeader(JWSAlgorithm.HS256), claims(NOW).build(),
                TestConfigs.SECRET.getBytes(StandardCharsets.UTF_8));
        assertRejected(validator(TestConfigs.valid(), "HS256", "RS256"), token, "signed with HS256");
    }

    @Test
    void acceptsHs256KeyedWithClientSecretWhenConfigured() {
        String token = IdTokens.sign(new JWSHeader(JWSAlgorithm.HS256), claims(NOW).build(),
                TestConfigs.SECRET.getBytes(StandardCharsets.UTF_8));
        IdTokenValidator validator = validator(TestConfigs.with("id-token-algs", "HS256"), "RS256");
        assertThat(validator.validate(token, NONCE).getSubject()).isEqualTo("248289761001");
    }

    @Test
    void rejectsForgedSignatureUnderThePublishedKid() {
        String token = IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims(NOW).build(), IdTokens.OTHER_RSA);
        assertRejected(token, "signature could not be verified");
    }

    @Test
    void rejectsAlgorithmTheProviderDoesNotAdvertise() {
        assertRejected(validator(TestConfigs.valid(), "RS256"), IdTokens.es256(claims(NOW).build()), "signed with ES256");
    }

    @Test
    void rejectsAccessTokenTypedJwt() {
        String token = IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt")).build(), claims(NOW).build(), IdTokens.RSA);
        assertRejected(token, "not an ID token");
    }

    @Test
    void rejectsWrongIssuer() {
        assertRejected(rs256(claims(NOW).issuer("https://evil.example.com").build()), "rule 2");
    }

    @Test
    void rejectsIssuerDifferingOnlyByTrailingSlash() {
        assertRejected(rs256(claims(NOW).issuer(TestConfigs.ISSUER + "/").build()), "rule 2");
    }

    @Test
    void rejectsIdTokenWhenAudienceLacksClientId() {
        assertRejected(rs256(claims(NOW).audience("another-client").build()), "rule 3");
    }

    @Test
    void rejectsMultipleAudiencesWithoutAzp() {
        assertRejected(rs256(claims(NOW).audience(List.of(TestConfigs.CLIENT_ID, "api")).build()), "rule 4");
    }

    @Test
    void acceptsMultipleAudiencesWhenAzpIsTheClient() {
        String token = rs256(claims(NOW).audience(List.of(TestConfigs.CLIENT_ID, "api"))
                .claim("azp", TestConfigs.CLIENT_ID).build());
        assertThat(validator().validate(token, NONCE).getAudience()).contains("api");
    }

    @Test
    void rejectsAzpOfAnotherClient() {
        assertRejected(rs256(claims(NOW).claim("azp", "another-client").build()), "rule 5");
    }

    @Test
    void rejectsExpiredTokenBeyondClockSkew() {
        assertRejected(rs256(claims(NOW).expirationTime(Date.from(NOW.minusSeconds(61))).build()), "rule 9");
    }

    @Test
    void acceptsTokenExpiredWithinClockSkew() {
        String token = rs256(claims(NOW).expirationTime(Date.from(NOW.minusSeconds(59))).build());
        assertThat(validator().validate(token, NONCE)).isNotNull();
    }

    @Test
    void honoursConfiguredClockSkew() {
        String token = rs256(claims(NOW).expirationTime(Date.from(NOW.minusSeconds(5))).build());
        assertRejected(validator(TestConfigs.with("clock-skew", "0"), "RS256"), token, "rule 9");
    }

    @Test
    void rejectsTokenWithoutExp() {
        assertRejected(rs256(claims(NOW).expirationTime(null).build()), "exp is missing");
    }

    @Test
    void rejectsTokenWithoutIat() {
        assertRejected(rs256(claims(NOW).issueTime(null).build()), "iat is missing");
    }

    @Test
    void rejectsTokenIssuedInTheFuture() {
        assertRejected(rs256(claims(NOW).issueTime(Date.from(NOW.plusSeconds(120))).build()), "rule 10");
    }

    @Test
    void rejectsNonceOtherThanTheOneSent() {
        assertRejected(rs256(claims(NOW).claim("nonce", "replayed").build()), "nonce does not match");
    }

    @Test
    void rejectsMissingNonce() {
        assertRejected(rs256(claims(NOW).claim("nonce", null).build()), "nonce is missing");
    }

    @Test
    void rejectsMissingSub() {
        assertRejected(rs256(claims(NOW).subject(null).build()), "sub is missing");
    }

    @Test
    void rejectsAcrOtherThanRequested() {
        IdTokenValidator validator = validator(TestConfigs.with("extra-auth-params", "acr_values=urn:mace:incommon:iap:silver"), "RS256");
        assertRejected(validator, rs256(claims(NOW).claim("acr", "urn:weak").build()), "rule 12");
    }

    @Test
    void rejectsStaleAuthTimeWhenMaxAgeRequested() {
        IdTokenValidator validator = validator(TestConfigs.with("extra-auth-params", "max_age=300"), "RS256");
        assertRejected(validator, rs256(claims(NOW).claim("auth_time", NOW.minusSeconds(3600).getEpochSecond()).build()),
                "older than max_age");
        assertRejected(validator, rs256(claims(NOW).build()), "auth_time is missing");
    }

    @Test
    void acceptsRecentAuthTimeWhenMaxAgeRequested() {
        IdTokenValidator validator = validator(TestConfigs.with("extra-auth-params", "max_age=300"), "RS256");
        String token = rs256(claims(NOW).claim("auth_time", NOW.minusSeconds(200).getEpochSecond()).build());
        assertThat(validator.validate(token, NONCE)).isNotNull();
    }

    @Test
    void reportsEveryClaimProblemAtOnce() {
        String token = rs256(claims(NOW).issuer("https://evil.example.com").audience("x").subject(null).build());
        assertThatThrownBy(() -> validator().validate(token, NONCE))
                .isInstanceOfSatisfying(TokenValidationException.class,
                        e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void neverPutsTheTokenInTheMessage() {
        String token = rs256(claims(NOW).issuer("https://evil.example.com").build());
        assertThatThrownBy(() -> validator().validate(token, NONCE)).satisfies(
                e -> assertThat(e.getMessage()).doesNotContain(token.substring(token.lastIndexOf('.') + 1)));
    }

    @Test
    void defaultsToRs256WhenProviderAdvertisesNothing() {
        assertThat(IdTokenValidator.allowedAlgorithms(TestConfigs.valid(), metadata())).containsExactly(JWSAlgorithm.RS256);
        assertThat(IdTokenValidator.allowedAlgorithms(TestConfigs.valid(), metadata("none", "HS256", "ES256")))
                .containsExactly(JWSAlgorithm.ES256);
    }
}
