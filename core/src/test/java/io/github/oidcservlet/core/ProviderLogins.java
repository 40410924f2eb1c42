package io.github.oidcservlet.core;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Authorization responses from the in-process provider, fetched as a browser would, for tests that drive one core
 * class (token client, callback handler, refresher) without an adapter. PKCE S256 with {@link #VERIFIER}.
 */
public final class ProviderLogins {

    public static final String REDIRECT = "http://127.0.0.1/cb";
    public static final String VERIFIER = "verifier-verifier-verifier-verifier-verifier";

    private ProviderLogins() {
    }

    /** An authorization code for {@code clientId}, with state "s" and nonce "n". */
    public static String code(TestProvider provider, String clientId, String scope) {
        List<String> code = authorizationResponse(provider, clientId, scope, "s", "n").get("code");
        if (code == null) {
            throw new AssertionError("no code in the authorization response");
        }
        return code.get(0);
    }

    /**
     * The parameters of the provider's redirect back to {@link #REDIRECT}, each with all its values: what the
     * callback receives.
     */
    public static Map<String, List<String>> authorizationResponse(TestProvider provider, String clientId, String scope,
                                                                  String state, String nonce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", REDIRECT);
        params.put("scope", scope);
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("code_challenge", challenge());
        params.put("code_challenge_method", "S256");
        String query = params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String location = new TestBrowser().get(provider.authorizationEndpoint() + "?" + query)
                .headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect from /authorize"));
        Map<String, List<String>> answer = new LinkedHashMap<>();
        String rawQuery = URI.create(location).getRawQuery();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            answer.computeIfAbsent(decode(equals < 0 ? pair : pair.substring(0, equals)), k -> new java.util.ArrayList<>())
                    .add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return answer;
    }

    private static String challenge() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
