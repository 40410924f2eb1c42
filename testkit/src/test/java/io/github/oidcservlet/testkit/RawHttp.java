package io.github.oidcservlet.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP calls for the provider's own tests, deliberately independent of {@link TestBrowser}. */
final class RawHttp {

    static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return mapper.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
    }

    /** A fresh PKCE pair (RFC 7636 §4.1, §4.2). */
    Pkce pkce() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Pkce(verifier, s256(verifier));
    }

    /** Parameters of a valid authorization request for the default client. */
    static Map<String, String> authorizationParams(Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", TestProvider.DEFAULT_CLIENT_ID);
        params.put("redirect_uri", REDIRECT_URI);
        params.put("scope", "openid profile email");
        params.put("state", "state-1");
        params.put("nonce", "nonce-1");
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return params;
    }

    static URI withQuery(URI endpoint, Map<String, String> params) {
        return URI.create(endpoint + "?" + encode(params));
    }

    /** Runs the front channel and returns the authorization code. */
    String authorize(TestProvider provider, Pkce pkce) throws IOException, InterruptedException {
        HttpResponse<String> response = get(withQuery(provider.authorizationEndpoint(), authorizationParams(pkce)));
        if (response.statusCode() != 302) {
            throw new AssertionError("authorize answered " + response.statusCode() + ": " + response.body());
        }
        return query(response.headers().firstValue("Location").orElseThrow()).get("code");
    }

    /** Redeems a code with client_secret_basic. */
    HttpResponse<String> redeem(TestProvider provider, String code, String verifier)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        form.put("code_verifier", verifier);
        return post(provider.tokenEndpoint(), form, "Authorization", basic("test-client", "test-secret"));
    }

    static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> query(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Pkce(String verifier, String challenge) {
    }
}
