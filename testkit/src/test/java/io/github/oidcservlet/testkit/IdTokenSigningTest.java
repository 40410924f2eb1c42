package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdTokenSigningTest {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();
    private final RawHttp http = new RawHttp();

    @Test
    void issuedIdTokenVerifiesAgainstTheJwks() throws Exception {
        RawHttp.Pkce pkce = http.pkce();
        String idToken = (String) http.json(http.redeem(provider.get(), http.authorize(provider.get(), pkce), pkce.verifier()))
                .get("id_token");

        JWTClaimsSet claims = verify(idToken);

        assertThat(claims.getIssuer()).isEqualTo(provider.get().issuer());
        assertThat(claims.getAudience()).containsExactly("test-client");
        assertThat(SignedJWT.parse(idToken).getHeader().getKeyID()).isEqualTo(provider.get().keys().rsaKid());
    }

    @Test
    void es256VerifiesAndForgedDoesNot() throws Exception {
        String es256 = provider.get().signIdToken(claims(), Signing.ES256);
        String forged = provider.get().signIdToken(claims(), Signing.FORGED);

        assertThat(SignedJWT.parse(es256).getHeader().getKeyID()).isEqualTo(provider.get().keys().ecKid());
        assertThat(verify(es256).getSubject()).isEqualTo("alice");
        assertThat(SignedJWT.parse(forged).getHeader().getKeyID()).isEqualTo(provider.get().keys().rsaKid());
        assertThatThrownBy(() -> verify(forged)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void noneIsAnUnsecuredJwt() {
        String token = provider.get().signIdToken(claims(), Signing.NONE);

        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(new Base64URL(parts[0]).decodeToString()).isEqualTo("{\"alg\":\"none\"}");
        assertThat(parts[2]).isEmpty();
    }

    @Test
    void hs256WithRsaPublicKeyIsTheConfusionAttackItClaims() throws Exception {
        SignedJWT token = SignedJWT.parse(provider.get().signIdToken(claims(), Signing.HS256_WITH_RSA_PUBLIC_KEY));

        JWSHeader header = token.getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(header.getKeyID()).isEqualTo(provider.get().keys().rsaKid());
        assertThat(token.verify(new MACVerifier(provider.get().keys().rsa().toRSAPublicKey().getEncoded()))).isTrue();
        assertThatThrownBy(() -> verify(token.serialize())).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void hs256WithClientSecretIsKeyedWithTheSecret() throws Exception {
        String token = provider.get().signIdToken(claims(), Signing.HS256_WITH_CLIENT_SECRET);

        String[] parts = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(parts[2]).isEqualTo(Base64URL.encode(expected).toString());
    }

    @Test
    void rotationReplacesTheKidsInTheJwks() throws Exception {
        String oldRsa = provider.get().keys().rsaKid();
        String oldEc = provider.get().keys().ecKid();
        String oldToken = provider.get().signIdToken(claims(), Signing.RS256);

        provider.get().rotateKeys();

        Set<String> published = Set.copyOf(JWKSet.load(provider.get().jwksUri().toURL()).getKeys().stream()
                .map(JWK::getKeyID).toList());
        assertThat(published).containsExactlyInAnyOrder(provider.get().keys().rsaKid(), provider.get().keys().ecKid())
                .doesNotContain(oldRsa, oldEc);
        assertThatThrownBy(() -> verify(oldToken)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void customizerRunsLastAndNullRemovesAClaim() throws Exception {
        provider.get().behaviour().idTokenClaims(b -> b.claim("iat", null).audience("someone-else").claim("azp", "x"))
                .omitKid(true);
        RawHttp.Pkce pkce = http.pkce();
        SignedJWT idToken = SignedJWT.parse((String) http.json(
                http.redeem(provider.get(), http.authorize(provider.get(), pkce), pkce.verifier())).get("id_token"));

        Map<String, Object> payload = idToken.getPayload().toJSONObject();
        assertThat(payload).doesNotContainKey("iat").containsEntry("aud", "someone-else").containsEntry("azp", "x");
        assertThat(idToken.getHeader().getKeyID()).isNull();
        assertThat(JWKSet.load(provider.get().jwksUri().toURL()).getKeys()).allSatisfy(k -> assertThat(k.getKeyID()).isNull());
    }

    private static JWTClaimsSet claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(provider.get().issuer()).subject("alice").audience("test-client")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build();
    }

    /** Verifies as a careful relying party would: algorithms fixed by us, keys from the JWKS. */
    private static JWTClaimsSet verify(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                JWKSourceBuilder.create(provider.get().jwksUri().toURL()).refreshAheadCache(false).cache(false).rateLimited(false).build()));
        return processor.process(token, null);
    }
}
