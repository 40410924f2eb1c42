package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import io.github.oidcservlet.core.internal.config.Secret;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedAlgorithmsKeySelectorTest {

    private static final Secret SECRET = new Secret("a-client-secret-of-at-least-32-bytes!!");

    private static AllowedAlgorithmsKeySelector selector(JWSAlgorithm... allowed) {
        return new AllowedAlgorithmsKeySelector(Set.of(allowed), SECRET, IdTokens::jwks);
    }

    @Test
    void givesNoKeyForAnAlgorithmOutsideTheAllowedSet() throws KeySourceException {
        JWSHeader hs256 = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build();
        assertThat(selector(JWSAlgorithm.RS256).selectJWSKeys(hs256, null)).isEmpty();
        JWSHeader es256 = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build();
        assertThat(selector(JWSAlgorithm.RS256).selectJWSKeys(es256, null)).isEmpty();
    }

    @Test
    void givesTheClientSecretForAnAllowedHmacAlgorithmAndNeverAPublicKey() throws KeySourceException {
        JWSHeader hs256 = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build();
        assertThat(selector(JWSAlgorithm.HS256, JWSAlgorithm.RS256).selectJWSKeys(hs256, null))
                .singleElement().satisfies(key -> {
                    assertThat(key.getAlgorithm()).isEqualTo("HmacSHA256");
                    assertThat(key.getEncoded()).isEqualTo(SECRET.bytes());
                });
    }

    @Test
    void givesTheProvidersKeyOfTheRightTypeForAnAllowedAsymmetricAlgorithm() throws KeySourceException {
        JWSHeader rs256 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build();
        assertThat(selector(JWSAlgorithm.RS256).selectJWSKeys(rs256, null))
                .singleElement().isInstanceOf(RSAPublicKey.class);
    }
}
