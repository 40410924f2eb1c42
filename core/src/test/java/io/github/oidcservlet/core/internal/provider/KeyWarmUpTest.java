package io.github.oidcservlet.core.internal.provider;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyWarmUpTest {

    @Test
    void everyRsaAndEcKeyGetsAThrowawayVerification() throws Exception {
        JWK rsa = new RSAKeyGenerator(2048).generate().toPublicJWK();
        JWK ec = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).generate();

        assertThat(KeyWarmUp.warm(List.of(rsa, ec, secret))).isEqualTo(2);
    }
}
