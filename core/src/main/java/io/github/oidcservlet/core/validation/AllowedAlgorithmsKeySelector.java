package io.github.oidcservlet.core.validation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.oidcservlet.core.config.Secret;

import javax.crypto.spec.SecretKeySpec;
import java.security.Key;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Chooses verification keys by the algorithms the relying party accepts, never by what the token asks for:
 * HMAC algorithms get the client secret (OIDC Core §10.1), asymmetric ones get the provider's JWKS keys of the
 * matching type. An algorithm outside the accepted set gets no key at all, so {@code alg} confusion (an HS256
 * token "signed" with the RSA public key) and {@code none} cannot pass.
 */
final class AllowedAlgorithmsKeySelector implements JWSKeySelector<SecurityContext> {

    private final Set<JWSAlgorithm> hmac;
    private final Set<JWSAlgorithm> asymmetric;
    private final Secret clientSecret;
    private final Supplier<JWKSource<SecurityContext>> jwkSource;
    private volatile JWSVerificationKeySelector<SecurityContext> asymmetricSelector;

    AllowedAlgorithmsKeySelector(Set<JWSAlgorithm> allowed, Secret clientSecret,
                                 Supplier<JWKSource<SecurityContext>> jwkSource) {
        this.hmac = allowed.stream().filter(JWSAlgorithm.Family.HMAC_SHA::contains).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.asymmetric = allowed.stream().filter(a -> !JWSAlgorithm.Family.HMAC_SHA.contains(a))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.clientSecret = clientSecret;
        this.jwkSource = jwkSource;
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        JWSAlgorithm alg = header.getAlgorithm();
        if (hmac.contains(alg) && clientSecret != null) {
            return List.of(new SecretKeySpec(clientSecret.bytes(), hmacName(alg)));
        }
        if (asymmetric.contains(alg)) {
            return asymmetricSelector().selectJWSKeys(header, context);
        }
        return List.of();
    }

    private JWSVerificationKeySelector<SecurityContext> asymmetricSelector() {
        JWSVerificationKeySelector<SecurityContext> selector = asymmetricSelector;
        if (selector == null) {
            selector = new JWSVerificationKeySelector<>(asymmetric, jwkSource.get());
            asymmetricSelector = selector;
        }
        return selector;
    }

    private static String hmacName(JWSAlgorithm alg) {
        return "HmacSHA" + alg.getName().substring(2);
    }
}
