package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.oidcservlet.core.internal.config.Secret;

import javax.crypto.spec.SecretKeySpec;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        if (!asymmetric.contains(alg)) {
            return List.of();
        }
        // The JWKs of the right type (and kid, when the header has one) from the cached, rate-limited source.
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            return List.of();
        }
        List<JWK> candidates = jwkSource.get().get(new JWKSelector(matcher), context);
        if (publicKeys.size() >= MAX_CACHED_KEYS) {
            publicKeys.clear();
        }
        List<Key> keys = new ArrayList<>(candidates.size());
        for (JWK jwk : candidates) {
            keys.addAll(publicKeys.computeIfAbsent(jwk, AllowedAlgorithmsKeySelector::toPublicKeys));
        }
        return keys;
    }

    /**
     * A JWK converted to a Java key once, not at every verification: the conversion decodes the modulus and
     * runs a KeyFactory, which cost as much as a third of an RS256 verification. Bounded: a provider's key set
     * is small, and a rotation simply adds entries until the cap clears them.
     */
    private final Map<JWK, List<Key>> publicKeys = new ConcurrentHashMap<>();

    private static List<Key> toPublicKeys(JWK jwk) {
        // public parts only: a JWK set that wrongly carries private parts still never lends them to verification
        return List.copyOf(KeyConverter.toJavaKeys(List.of(jwk.toPublicJWK())));
    }

    private static final int MAX_CACHED_KEYS = 64;

    private static String hmacName(JWSAlgorithm alg) {
        return "HmacSHA" + alg.getName().substring(2);
    }
}
