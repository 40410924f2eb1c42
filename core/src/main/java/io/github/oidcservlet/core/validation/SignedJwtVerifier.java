package io.github.oidcservlet.core.validation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.oidcservlet.core.provider.ProviderUnavailableException;

import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses a JWT and verifies its signature with the provider's keys under the accepted algorithms only, never the
 * algorithm the header asks for; shared by the ID token and the logout token validators. Claims are left to the
 * caller, which checks them rule by rule. Thread-safe.
 */
final class SignedJwtVerifier {

    private final String what;
    private final Set<JWSAlgorithm> allowed;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param what         "ID token" or "logout token", for messages
     * @param acceptedType whether a {@code typ} header value (lower case, or null when absent) is acceptable
     */
    SignedJwtVerifier(String what, Set<JWSAlgorithm> allowed, JWSKeySelector<SecurityContext> keySelector,
                      Predicate<String> acceptedType) {
        this.what = what;
        this.allowed = allowed;
        processor.setJWSKeySelector(keySelector);
        processor.setJWSTypeVerifier((JOSEObjectType type, SecurityContext context) -> {
            String name = type == null ? null : type.getType().toLowerCase(java.util.Locale.ROOT);
            if (!acceptedType.test(name)) {
                throw new BadJOSEException("typ '" + type + "' is not " + (what.startsWith("ID") ? "an " : "a ") + what);
            }
        });
        processor.setJWTClaimsSetVerifier(null);
    }

    /**
     * @return the claims of a token whose signature verified
     * @throws TokenValidationException when it is not a JWT, unsigned, encrypted, of a refused algorithm or type,
     *                                  or its signature does not verify
     * @throws ProviderUnavailableException when the provider's keys cannot be fetched in time
     */
    JWTClaimsSet verify(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw refused("it is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            // OIDC Core 3.1.3.7 (6)/(7), Back-Channel Logout §2.6 (2): unsecured (alg "none") tokens are refused.
            throw refused("it is unsigned (alg none)");
        }
        if (jwt instanceof EncryptedJWT) {
            // OIDC Core 3.1.3.7 (1), Back-Channel Logout §2.6 (1): decrypt with the keys registered for it; this
            // client registers no encryption key.
            throw refused("it is encrypted, but no decryption key is configured");
        }
        SignedJWT signed = (SignedJWT) jwt;
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        // OIDC Core 3.1.3.7 (7): the algorithm must be the one registered (or RS256), not whatever the header says.
        if (!allowed.contains(alg)) {
            throw refused("it is signed with " + alg + ", but only " + allowed + " are accepted (see id-token-algs)");
        }
        try {
            // OIDC Core 3.1.3.7 (6): "The Client MUST use the keys provided by the Issuer."
            // (8) HMAC: "the octets of the UTF-8 representation of the client_secret ... are used as the key".
            return processor.process(signed, null);
        } catch (BadJOSEException e) {
            throw refused("its signature could not be verified with the provider's keys (" + e.getMessage() + ")");
        } catch (JOSEException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProviderUnavailableException unavailable) {
                    throw unavailable;
                }
            }
            throw refused("its signature could not be checked (" + e.getMessage() + ")");
        }
    }

    private TokenValidationException refused(String problem) {
        return new TokenValidationException(what, List.of(problem));
    }
}
