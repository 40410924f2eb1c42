package io.github.oidcservlet.core.internal.config;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Optional;

/**
 * How the client authenticates at the token endpoint (OIDC Core §9) and what it needs for that: the rules for
 * {@code client-auth-method}, {@code client-secret}, {@code client-private-key} and {@code client-assertion-audience}.
 * {@link #toString()} shows neither secret nor key.
 */
public final class ClientCredentials {

    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
    static final int MIN_HS256_SECRET_BYTES = 32;

    public final Secret secret;
    public final Path privateKeyFile;
    public final PrivateKey privateKey;
    public final String assertionAudience;
    public final ClientAuthMethod method;

    public ClientCredentials(ConfigReader in) {
        secret = in.optional(ConfigKey.CLIENT_SECRET).map(Secret::new).orElse(null);
        privateKeyFile = in.optional(ConfigKey.CLIENT_PRIVATE_KEY).map(Path::of).orElse(null);
        assertionAudience = in.optional(ConfigKey.CLIENT_ASSERTION_AUDIENCE).orElse(null);
        method = method(in);
        privateKey = privateKey(in);
        check(in);
    }

    private ClientAuthMethod method(ConfigReader in) {
        Optional<String> text = in.optional(ConfigKey.CLIENT_AUTH_METHOD);
        if (text.isEmpty()) {
            // DESIGN.md: client_secret_basic with a secret, private_key_jwt with a key, else none.
            return secret != null ? ClientAuthMethod.CLIENT_SECRET_BASIC
                    : privateKeyFile != null ? ClientAuthMethod.PRIVATE_KEY_JWT : ClientAuthMethod.NONE;
        }
        Optional<ClientAuthMethod> parsed = ClientAuthMethod.parse(text.get());
        if (parsed.isEmpty()) {
            in.problem(ConfigKey.CLIENT_AUTH_METHOD, "must be one of client_secret_basic, client_secret_post, "
                    + "client_secret_jwt, private_key_jwt, none; got '" + text.get() + "'");
            return ClientAuthMethod.NONE;
        }
        return parsed.get();
    }

    private PrivateKey privateKey(ConfigReader in) {
        if (privateKeyFile == null) {
            return null;
        }
        try {
            return PemPrivateKeys.read(privateKeyFile);
        } catch (IllegalArgumentException e) {
            in.problem(ConfigKey.CLIENT_PRIVATE_KEY, e.getMessage());
            return null;
        }
    }

    private void check(ConfigReader in) {
        switch (method) {
            case CLIENT_SECRET_BASIC, CLIENT_SECRET_POST -> {
                if (secret == null) {
                    in.problem(ConfigKey.CLIENT_SECRET, "is required by client-auth-method " + method.registeredName());
                }
            }
            case CLIENT_SECRET_JWT -> {
                // OIDC Core §9: client_secret_jwt signs with "a HMAC SHA algorithm, such as HMAC SHA-256", keyed
                // with the client secret; RFC 7518 §3.2: "A key of the same size as the hash output ... MUST be used".
                if (secret == null) {
                    in.problem(ConfigKey.CLIENT_SECRET, "is required by client-auth-method client_secret_jwt");
                } else if (secret.bytes().length < MIN_HS256_SECRET_BYTES) {
                    in.problem(ConfigKey.CLIENT_SECRET, "is " + secret.bytes().length + " bytes, too short for "
                            + "client-auth-method client_secret_jwt (HS256 needs at least " + MIN_HS256_SECRET_BYTES
                            + " bytes, RFC 7518 §3.2)");
                }
            }
            case PRIVATE_KEY_JWT -> {
                if (privateKeyFile == null) {
                    in.problem(ConfigKey.CLIENT_PRIVATE_KEY, "is required by client-auth-method private_key_jwt "
                            + "(a PKCS#8 PEM file with an RSA or EC P-256 private key)");
                }
            }
            case NONE -> { }
        }
        if (privateKeyFile != null && method != ClientAuthMethod.PRIVATE_KEY_JWT) {
            in.problem(ConfigKey.CLIENT_PRIVATE_KEY, "is set, but client-auth-method is " + method.registeredName()
                    + "; set client-auth-method to private_key_jwt or remove the key");
        }
        if (assertionAudience != null && method != ClientAuthMethod.PRIVATE_KEY_JWT
                && method != ClientAuthMethod.CLIENT_SECRET_JWT) {
            in.problem(ConfigKey.CLIENT_ASSERTION_AUDIENCE, "is only used by client_secret_jwt and private_key_jwt, "
                    + "but client-auth-method is " + method.registeredName());
        }
    }

    /** The JWS algorithm of the private key: RS256 for RSA, ES256 for EC P-256. */
    public static String algorithmOf(PrivateKey key) {
        return key instanceof RSAPrivateKey ? "RS256" : "ES256";
    }

    @Override
    public String toString() {
        return "ClientCredentials[method=" + method.registeredName() + ", secret=" + (secret == null ? "none" : secret)
                + ", privateKey=" + (privateKeyFile == null ? "none" : privateKeyFile) + "]";
    }
}
