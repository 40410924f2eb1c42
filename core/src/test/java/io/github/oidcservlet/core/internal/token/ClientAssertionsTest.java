package io.github.oidcservlet.core.internal.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.internal.config.Secret;
import io.github.oidcservlet.testkit.PemFiles;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JWT client assertions of client_secret_jwt and private_key_jwt (OIDC Core §9, RFC 7523 §3). */
class ClientAssertionsTest {

    private static final URI TOKEN = URI.create("https://op.example.com/oauth2/token");
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static SignedJWT assertionOf(ClientAuthentication method) throws Exception {
        Map<String, String> form = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
        method.authenticate(TOKEN, form, headers);
        assertThat(headers).isEmpty();
        assertThat(form).containsEntry("client_id", "app")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret");
        return SignedJWT.parse(form.get("client_assertion"));
    }

    @Test
    void clientSecretJwtIsHs256KeyedWithTheSecretWithTheRequiredClaims() throws Exception {
        SignedJWT jwt = assertionOf(new ClientSecretJwt("app", new Secret(SECRET), null, CLOCK));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("app");
        assertThat(claims.getSubject()).isEqualTo("app");
        assertThat(claims.getAudience()).containsExactly(TOKEN.toString());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(claims.getJWTID()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void everyRequestGetsAFreshJtiAndIat() throws Exception {
        Clock ticking = Clock.systemUTC();
        ClientAuthentication method = new ClientSecretJwt("app", new Secret(SECRET), null, ticking);
        JWTClaimsSet first = assertionOf(method).getJWTClaimsSet();
        Thread.sleep(1100);
        JWTClaimsSet second = assertionOf(method).getJWTClaimsSet();
        assertThat(second.getJWTID()).isNotEqualTo(first.getJWTID());
        assertThat(second.getIssueTime()).isAfter(first.getIssueTime());
    }

    @Test
    void aSecretShorterThan256BitsCannotKeyClientSecretJwt() {
        assertThatThrownBy(() -> new ClientSecretJwt("app", new Secret("short"), null, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client-secret");
    }

    @Test
    void privateKeyJwtSignsRs256WithAnRsaKey() throws Exception {
        KeyPair pair = PemFiles.rsaKeyPair();
        SignedJWT jwt = assertionOf(new PrivateKeyJwt("app", pair.getPrivate(), null, CLOCK));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TOKEN.toString());
    }

    @Test
    void privateKeyJwtSignsEs256WithAnEcKeyAndTheConfiguredAudience() throws Exception {
        KeyPair pair = PemFiles.ecKeyPair("secp256r1");
        SignedJWT jwt = assertionOf(new PrivateKeyJwt("app", pair.getPrivate(), "op.example.com", CLOCK));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("op.example.com");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("app");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("app");
    }

    @Test
    void theMethodsNeverShowTheirSecretOrKey() {
        assertThat(new ClientSecretJwt("app", new Secret(SECRET), null, CLOCK).toString()).doesNotContain(SECRET);
        assertThat(new PrivateKeyJwt("app", PemFiles.rsaKeyPair().getPrivate(), null, CLOCK).toString())
                .isEqualTo("PrivateKeyJwt[key hidden]");
    }
}
