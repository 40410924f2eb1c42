package io.github.oidcservlet.core.internal.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.internal.provider.ProviderFaults;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;

import java.io.IOException;
import java.security.Key;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses a JWT and verifies its signature with the provider's keys under the accepted algorithms only, never the
 * algorithm the header asks for; shared by the ID token and the logout token validators. Claims are left to the
 * caller, which checks them rule by rule. Thread-safe.
 */
final class SignedJwtVerifier {

    /** Strict: a payload with a repeated member is refused rather than read one way here and another elsewhere. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final String what;
    private final Set<JWSAlgorithm> allowed;
    private final JWSKeySelector<SecurityContext> keySelector;
    private final Predicate<String> acceptedType;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    /**
     * @param what         "ID token" or "logout token", for messages
     * @param acceptedType whether a {@code typ} header value (lower case, or null when absent) is acceptable
     */
    SignedJwtVerifier(String what, Set<JWSAlgorithm> allowed, JWSKeySelector<SecurityContext> keySelector,
                      Predicate<String> acceptedType) {
        this.what = what;
        this.allowed = allowed;
        this.keySelector = keySelector;
        this.acceptedType = acceptedType;
    }

    /**
     * @return the claims of a token whose signature verified
     * @throws TokenValidationException when it is not a JWT, unsigned, encrypted, of a refused algorithm or type,
     *                                  or its signature does not verify
     * @throws ProviderUnavailableException when the provider's keys cannot be fetched in time or read
     * @throws ProviderProtocolException when the key set endpoint answers with an error status or too much
     */
    JWTClaimsSet verify(String token) {
        SignedJWT signed;
        try {
            // Parsed once as what it must be; the other shapes are told apart only to say why they are refused.
            signed = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw refused(whyNotSigned(token));
        }
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        // OIDC Core 3.1.3.7 (7): the algorithm must be the one registered (or RS256), not whatever the header says.
        if (!allowed.contains(alg)) {
            throw refused("it is signed with " + alg + ", but only " + allowed + " are accepted (see id-token-algs)");
        }
        JOSEObjectType type = signed.getHeader().getType();
        // RFC 8725 §3.11: explicit typing keeps an access token or a logout token from passing as this kind.
        if (!acceptedType.test(type == null ? null : type.getType().toLowerCase(Locale.ROOT))) {
            throw refused("typ '" + type + "' is not " + (what.startsWith("ID") ? "an " : "a ") + what);
        }
        // OIDC Core 3.1.3.7 (6): "The Client MUST use the keys provided by the Issuer."
        // (8) HMAC: "the octets of the UTF-8 representation of the client_secret ... are used as the key".
        List<? extends Key> keys;
        try {
            keys = keySelector.selectJWSKeys(signed.getHeader(), null);
        } catch (RateLimitReachedException e) {
            // Nimbus refetches the key set for an unknown kid at most once per interval; this one came too soon.
            throw refused("no key of the provider matches its header (the key set was fetched again very recently)");
        } catch (KeySourceException e) {
            throw providerFaultOr(e, "its keys could not be fetched (" + e.getMessage() + ")");
        }
        for (Key key : keys) {
            try {
                if (signed.verify(verifiers.createJWSVerifier(signed.getHeader(), key))) {
                    return claims(signed);
                }
            } catch (JOSEException e) {
                // a key that does not fit this algorithm: try the next one
            }
        }
        throw refused("its signature could not be verified with the provider's keys ("
                + (keys.isEmpty() ? "no key matches its header" : "the signature is invalid") + ")");
    }

    /**
     * The verified payload, read with Jackson straight from the JDK's Base64 decoder: Nimbus's own claims parser
     * cost a quarter of an RS256 validation (see benchmarks/README.md); the result is the same {@link JWTClaimsSet}.
     */
    private JWTClaimsSet claims(SignedJWT signed) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(signed.getParsedParts()[1].toString());
            Map<String, Object> members = JSON.readValue(payload, OBJECT);
            // RFC 7519 §7.2 (10): the payload is a JWT Claims Set, "a JSON object"; a signed "null" is none.
            if (members == null) {
                throw refused("its claims are not a JSON object (the payload is JSON null)");
            }
            return JWTClaimsSet.parse(members);
        } catch (IOException | IllegalArgumentException | ParseException e) {
            throw refused("its claims are not a valid JSON object");
        }
    }

    private static String whyNotSigned(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return "it is not a JWT";
        }
        if (jwt instanceof PlainJWT) {
            // OIDC Core 3.1.3.7 (6)/(7), Back-Channel Logout §2.6 (2): unsecured (alg "none") tokens are refused.
            return "it is unsigned (alg none)";
        }
        if (jwt instanceof EncryptedJWT) {
            // OIDC Core 3.1.3.7 (1), Back-Channel Logout §2.6 (1): decrypt with the keys registered for it; this
            // client registers no encryption key.
            return "it is encrypted, but no decryption key is configured";
        }
        return "it is not a signed JWT";
    }

    /** A key set the provider failed to deliver is its fault (502/503), not the token's. */
    private RuntimeException providerFaultOr(Throwable error, String problem) {
        return ProviderFaults.in(error).orElseGet(() -> refused(problem));
    }

    private TokenValidationException refused(String problem) {
        return new TokenValidationException(what, List.of(problem));
    }
}
