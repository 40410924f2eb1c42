package io.github.oidcservlet.core.internal.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for what the login asks the provider for and what it accepts back: {@code scopes},
 * {@code extra-auth-params} and {@code id-token-algs}. Each problem is reported through the reader, naming its key.
 */
public final class LoginRequestRules {

    /** Authorization request parameters that the engine owns and {@code extra-auth-params} may not override. */
    private static final Set<String> RESERVED_AUTH_PARAMS = Set.of("response_type", "client_id", "redirect_uri",
            "scope", "state", "nonce", "code_challenge", "code_challenge_method", "request", "request_uri");

    private static final Set<String> HMAC_ALGS = Set.of("HS256", "HS384", "HS512");
    private static final Set<String> KNOWN_ALGS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "ES256K", "EdDSA", "Ed25519", "HS256", "HS384", "HS512");

    private LoginRequestRules() {
    }

    /** Whether {@code alg} is one of the HMAC algorithms keyed with the client secret (OIDC Core §10.1). */
    public static boolean isHmac(String alg) {
        return HMAC_ALGS.contains(alg);
    }

    public static String scopes(ConfigReader in) {
        String text = in.optional(ConfigKey.SCOPES).orElseThrow();
        // OIDC Core §3.1.2.1: "OpenID Connect requests MUST contain the openid scope value."
        if (!Arrays.asList(text.split(" +")).contains("openid")) {
            in.problem(ConfigKey.SCOPES, "must contain 'openid' (OpenID Connect Core §3.1.2.1), got '" + text + "'");
        }
        return text;
    }

    public static Map<String, String> extraAuthParams(ConfigReader in) {
        Optional<String> text = in.optional(ConfigKey.EXTRA_AUTH_PARAMS);
        if (text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : text.get().split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                in.problem(ConfigKey.EXTRA_AUTH_PARAMS, "must look like k=v&k2=v2, got '" + pair + "'");
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (RESERVED_AUTH_PARAMS.contains(name)) {
                in.problem(ConfigKey.EXTRA_AUTH_PARAMS, "may not set '" + name + "': the login flow sets it itself"
                        + (name.equals("scope") ? " (use scopes)" : ""));
            } else if (params.put(name, value) != null) {
                in.problem(ConfigKey.EXTRA_AUTH_PARAMS, "sets '" + name + "' twice");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    public static List<String> idTokenAlgs(ConfigReader in, Secret clientSecret) {
        Optional<String> text = in.optional(ConfigKey.ID_TOKEN_ALGS);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> algs = new ArrayList<>();
        for (String alg : text.get().split("[ ,]+")) {
            if (alg.isEmpty()) {
                continue;
            }
            if (alg.equalsIgnoreCase("none")) {
                // OIDC Core §3.1.3.7 (7)/(6): an ID token from the code flow is always signed here; 'none' is never accepted.
                in.problem(ConfigKey.ID_TOKEN_ALGS, "may not list 'none': unsigned ID tokens are always refused");
            } else if (!KNOWN_ALGS.contains(alg)) {
                in.problem(ConfigKey.ID_TOKEN_ALGS, "lists unknown JWS algorithm '" + alg + "'");
            } else if (isHmac(alg)) {
                algs.add(alg);
                checkHmacSecret(in, alg, clientSecret);
            } else {
                algs.add(alg);
            }
        }
        return List.copyOf(algs);
    }

    private static void checkHmacSecret(ConfigReader in, String alg, Secret clientSecret) {
        // OIDC Core §10.1: symmetric signatures use the octets of the client_secret as the key; RFC 7518 §3.2:
        // the key must be at least as long as the hash output.
        int minBytes = Integer.parseInt(alg.substring(2)) / 8;
        if (clientSecret == null) {
            in.problem(ConfigKey.ID_TOKEN_ALGS, "lists " + alg + ", which needs client-secret as the key");
        } else if (clientSecret.bytes().length < minBytes) {
            in.problem(ConfigKey.CLIENT_SECRET, "is too short to verify " + alg + " ID tokens (needs at least "
                    + minBytes + " bytes, RFC 7518 §3.2)");
        }
    }
}
