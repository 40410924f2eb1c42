package io.github.oidcservlet.core.internal.login;

import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.LogCapture;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;
import io.github.oidcservlet.core.internal.token.ClientAuthentications;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.testkit.PemFiles;
import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a pushed authorization request (RFC 9126) sends, where the browser then goes, and every kind of answer. */
class PushedAuthorizationRequestsTest {

    private static final String REDIRECT = "http://127.0.0.1:8080/oidc/callback";

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private static AuthorizationRequests requests(String... keyValues) {
        return requests(TestConfigs.forProvider(provider.get(), keyValues));
    }

    private static AuthorizationRequests requests(OidcConfig config) {
        OidcProvider op = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
        return new AuthorizationRequests(config, Clock.systemUTC(),
                new PushedAuthorizationRequests(config, op, ClientAuthentications.from(config)));
    }

    private static AuthorizationRequests.Started start(AuthorizationRequests requests) {
        return requests.start(provider.get().authorizationEndpoint(), REDIRECT, "/profile", Map.of("prompt", "login"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static RecordedRequest pushed() {
        assertThat(provider.get().requests("par")).hasSize(1);
        return provider.get().requests("par").get(0);
    }

    // --- when a login pushes ---

    @Test
    void alwaysPushesExactlyTheFrontChannelParametersAndRedirectsWithClientIdAndRequestUriOnly() {
        AuthorizationRequests.Started started = start(requests("par", "always"));

        RecordedRequest sent = pushed();
        PendingLogin pending = started.pending();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.header("Authorization")).as("client_secret_basic, as at the token endpoint").startsWith("Basic ");
        Map<String, String> frontChannel = query(start(requests("par", "never")).location());
        assertThat(sent.formParams().keySet()).isEqualTo(frontChannel.keySet());
        assertThat(sent.form("response_type")).isEqualTo("code");
        assertThat(sent.form("client_id")).isEqualTo(TestProvider.DEFAULT_CLIENT_ID);
        assertThat(sent.form("redirect_uri")).isEqualTo(REDIRECT);
        assertThat(sent.form("scope")).isEqualTo("openid profile email");
        assertThat(sent.form("state")).isEqualTo(pending.state());
        assertThat(sent.form("nonce")).isEqualTo(pending.nonce());
        assertThat(sent.form("code_challenge")).isEqualTo(AuthorizationRequests.s256(pending.codeVerifier()));
        assertThat(sent.form("code_challenge_method")).isEqualTo("S256");
        assertThat(sent.form("prompt")).isEqualTo("login");

        URI location = started.location();
        assertThat(location.toString()).startsWith(provider.get().authorizationEndpoint() + "?");
        Map<String, String> front = query(location);
        assertThat(front.keySet()).containsExactly("client_id", "request_uri");
        assertThat(front.get("client_id")).isEqualTo(TestProvider.DEFAULT_CLIENT_ID);
        assertThat(front.get("request_uri")).startsWith("urn:ietf:params:oauth:request_uri:");
        assertThat(location.toString()).doesNotContain(pending.state()).doesNotContain(pending.nonce());
    }

    @Test
    void autoKeepsTheFrontChannelWhileTheProviderDoesNotRequirePar() {
        AuthorizationRequests.Started started = start(requests());

        assertThat(provider.get().count("par")).isZero();
        assertThat(query(started.location())).containsEntry("state", started.pending().state())
                .containsKey("code_challenge");
    }

    @Test
    void autoPushesWhenTheProviderRequiresPar() {
        provider.get().behaviour().requirePar(true);

        AuthorizationRequests.Started started = start(requests("par", "auto"));

        assertThat(pushed().form("state")).isEqualTo(started.pending().state());
        assertThat(query(started.location()).keySet()).containsExactly("client_id", "request_uri");
    }

    @Test
    void neverKeepsTheFrontChannelEvenWhenTheProviderRequiresPar() {
        provider.get().behaviour().requirePar(true);

        AuthorizationRequests.Started started = start(requests("par", "never"));

        assertThat(provider.get().count("par")).isZero();
        assertThat(query(started.location())).containsKey("state");
    }

    @Test
    void clientSecretPostPutsTheSecretInThePushedBody() {
        start(requests("par", "always", "client-auth-method", "client_secret_post"));

        assertThat(pushed().form("client_secret")).isEqualTo(TestProvider.DEFAULT_CLIENT_SECRET);
        assertThat(pushed().header("Authorization")).isNull();
    }

    @Test
    void privateKeyJwtAssertionAtTheParEndpointHasTheIssuerAsAudience(@TempDir Path dir) throws Exception {
        KeyPair keys = PemFiles.rsaKeyPair();
        provider.get().clientWithKey("keyed-client", keys.getPublic());
        AuthorizationRequests.Started started = start(requests("par", "always", "client-id", "keyed-client",
                "client-secret", null, "client-private-key", PemFiles.writePkcs8(keys.getPrivate(), dir).toString()));

        SignedJWT assertion = SignedJWT.parse(pushed().form("client_assertion"));
        // RFC 9126 §2: "the issuer identifier URL of the authorization server ... SHOULD be used as the value of
        // the audience".
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(provider.get().issuer());
        assertThat(query(started.location())).containsEntry("client_id", "keyed-client");
    }

    // --- what the PAR endpoint answers ---

    @Test
    void aRefusalCarriesTheProvidersWordsAndBecomesA502PageWithoutRetry() {
        provider.get().behaviour().parError(400, "invalid_request", "scope <b>bogus</b> is unknown");
        AuthorizationRequests requests = requests("par", "always");

        try (LogCapture log = LogCapture.of(PushedAuthorizationRequests.class)) {
            assertThatThrownBy(() -> start(requests))
                    .isInstanceOfSatisfying(PushedAuthorizationRequests.Refused.class, refused -> {
                        LoginResult.Failed failed = LoginFailures.from(refused);
                        assertThat(failed.status()).isEqualTo(502);
                        assertThat(failed.retryable()).isFalse();
                        assertThat(failed.userMessage()).contains("refused to start the login");
                        assertThat(failed.providerError()).isEqualTo("invalid_request");
                        assertThat(failed.providerErrorDescription()).isEqualTo("scope <b>bogus</b> is unknown");
                    });
            assertThat(log.text()).contains("HTTP 400 invalid_request").doesNotContain(TestProvider.DEFAULT_CLIENT_SECRET);
        }
    }

    @Test
    void anInvalidClientAnswerIsARefusalToo() {
        AuthorizationRequests requests = requests("par", "always", "client-secret", "not-the-secret");

        assertThatThrownBy(() -> start(requests)).isInstanceOfSatisfying(PushedAuthorizationRequests.Refused.class,
                refused -> assertThat(refused.error()).isEqualTo("invalid_client"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"500|text/html|<h1>down</h1>", "503|application/json|{}",
            "429|application/json|{\"error\":\"slow_down\"}"})
    void aServerErrorOrThrottlingIsAnOutageThatAsksForARetry(int status, String contentType, String body) {
        provider.get().behaviour().rawAnswer("par", status, contentType, body);
        AuthorizationRequests requests = requests("par", "always");

        assertThatThrownBy(() -> start(requests)).isInstanceOfSatisfying(ProviderUnavailableException.class,
                down -> assertThat(LoginFailures.from(down)).extracting(LoginResult.Failed::status,
                        LoginResult.Failed::retryable).containsExactly(503, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "201|text/html|<h1>created</h1>|without a JSON object",
            "201|application/json|{\"expires_in\":60}|without a request_uri",
            "201|application/json|{\"request_uri\":\"\",\"expires_in\":60}|without a request_uri",
            "201|application/json|{\"request_uri\":\"urn:x\"}|expires_in",
            "201|application/json|{\"request_uri\":\"urn:x\",\"expires_in\":0}|expires_in",
            "201|application/json|{\"request_uri\":\"urn:x\",\"expires_in\":\"60\"}|expires_in",
            "400|text/html|<h1>bad</h1>|without an OAuth 2.0 error"})
    void aGarbledAnswerIsAProtocolFault(int status, String contentType, String body, String words) {
        provider.get().behaviour().rawAnswer("par", status, contentType, body);
        AuthorizationRequests requests = requests("par", "always");

        assertThatThrownBy(() -> start(requests)).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining(words)
                .satisfies(e -> assertThat(LoginFailures.from((RuntimeException) e).status()).isEqualTo(502));
    }

    @Test
    void aHangingParEndpointIsAnOutageWithinTheReadTimeout() {
        provider.get().behaviour().parDelay(Duration.ofSeconds(30));
        AuthorizationRequests requests = requests("par", "always", "read-timeout", "1");

        long started = System.nanoTime();
        assertThatThrownBy(() -> start(requests)).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("read-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aFailedPushLeavesNoPendingLoginBehind() {
        provider.get().behaviour().parError(400, "invalid_request", "no");
        try (OidcEngine engine = OidcEngine.create(TestConfigs.forProvider(provider.get(), "par", "always"))) {
            PendingLogins pending = new PendingLogins();

            LoginResult result = engine.startLogin(REDIRECT, "/", pending);

            assertThat(result).isInstanceOf(LoginResult.Failed.class);
            assertThat(pending.size()).isZero();
        }
    }

    @Test
    void aSuccessfulPushRemembersThePendingLoginAsTheFrontChannelDoes() {
        try (OidcEngine engine = OidcEngine.create(TestConfigs.forProvider(provider.get(), "par", "always"))) {
            PendingLogins pending = new PendingLogins();

            LoginResult result = engine.startLogin(REDIRECT, "/", pending);

            assertThat(result).isInstanceOf(LoginResult.Redirect.class);
            assertThat(pending.size()).isEqualTo(1);
            assertThat(pending.take(pushed().form("state"), System.currentTimeMillis())).isPresent();
        }
    }
}
