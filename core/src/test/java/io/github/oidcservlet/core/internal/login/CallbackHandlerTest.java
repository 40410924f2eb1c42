package io.github.oidcservlet.core.internal.login;

import io.github.oidcservlet.core.ProviderLogins;
import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.internal.token.ClientAuthentications;
import io.github.oidcservlet.core.internal.token.TokenClient;
import io.github.oidcservlet.core.internal.validation.IdTokenValidator;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback of the code flow, {@link CallbackHandler} alone against the in-process provider: which responses
 * log someone in and which {@link LoginResult} every other one becomes.
 */
class CallbackHandlerTest {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private final TestClock clock = new TestClock();
    private PendingLogins pending;

    @BeforeEach
    void aLoginWasStarted() {
        pending = new PendingLogins();
        pending.add(new PendingLogin("state-1", "nonce-1", ProviderLogins.VERIFIER, ProviderLogins.REDIRECT,
                "/profile", clock.millis()));
    }

    private CallbackHandler handler(String... keyValues) {
        return handler(null, keyValues);
    }

    private CallbackHandler handler(BiFunction<PendingLogin, PendingLogins, LoginResult> interactiveLogin,
                                    String... keyValues) {
        OidcConfig config = TestConfigs.forProvider(provider.get(), keyValues);
        OidcProvider op = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
        TokenClient tokens = new TokenClient(config, op, ClientAuthentications.from(config, clock));
        return new CallbackHandler(config, op, tokens,
                () -> new IdTokenValidator(config, op.metadata(), op::jwkSource, clock), clock, interactiveLogin);
    }

    /** The provider's real answer to the pending login: a fresh code, the state, and {@code iss} if it sends one. */
    private static Map<String, List<String>> providerResponse() {
        return ProviderLogins.authorizationResponse(provider.get(), TestProvider.DEFAULT_CLIENT_ID, "openid profile",
                "state-1", "nonce-1");
    }

    private static Map<String, List<String>> params(String... keyValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], List.of(keyValues[i + 1]));
        }
        return params;
    }

    private static LoginResult.Failed failed(LoginResult result) {
        assertThat(result).isInstanceOf(LoginResult.Failed.class);
        return (LoginResult.Failed) result;
    }

    @Test
    void theProvidersAnswerToAPendingLoginLogsTheUserInAndReturnsToTheirPage() {
        LoginResult result = handler().handle(providerResponse(), pending);

        assertThat(result).isInstanceOfSatisfying(LoginResult.LoggedIn.class, in -> {
            assertThat(in.returnTo()).isEqualTo("/profile");
            assertThat(in.session().subject()).isEqualTo("alice");
            assertThat(in.session().accessToken()).isNotBlank();
            assertThat(in.session().userinfoJson()).contains("\"sub\":\"alice\"");
            // expires_in 300 from the handler's clock, not the wall clock
            assertThat(in.session().expiresAtMillis()).isEqualTo(clock.millis() + 300_000);
        });
        assertThat(provider.get().count("token")).isEqualTo(1);
        assertThat(pending.isEmpty(clock.millis())).as("the state is spent").isTrue();
    }

    // --- state (RFC 9700 §4.7.1) ---

    @Test
    void anUnknownStateIs400AndRedeemsNothing() {
        Map<String, List<String>> response = providerResponse();
        response.put("state", List.of("state-of-another-browser"));

        LoginResult.Failed failed = failed(handler().handle(response, pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.userMessage()).contains("does not belong to a login started in this browser");
        assertThat(failed.logDetail()).isEqualTo("unknown or expired state");
        assertThat(provider.get().count("token")).isZero();
        assertThat(pending.size()).as("this browser's own login is still pending").isEqualTo(1);
    }

    @Test
    void aCallbackInABrowserThatStartedNoLoginIs400() {
        LoginResult.Failed failed = failed(handler().handle(providerResponse(), null));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(provider.get().count("token")).isZero();
    }

    @Test
    void aStateIsUsedOnlyOnce() {
        Map<String, List<String>> response = providerResponse();
        CallbackHandler handler = handler();
        assertThat(handler.handle(response, pending)).isInstanceOf(LoginResult.LoggedIn.class);

        LoginResult.Failed replayed = failed(handler.handle(response, pending));

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.logDetail()).isEqualTo("unknown or expired state");
        assertThat(provider.get().count("token")).as("the code is not redeemed twice").isEqualTo(1);
    }

    @Test
    void aStateOlderThanThePendingLoginLifetimeIsUnknown() {
        Map<String, List<String>> response = providerResponse();
        clock.advance(PendingLogins.LIFETIME.plusSeconds(1));

        LoginResult.Failed failed = failed(handler().handle(response, pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.logDetail()).isEqualTo("unknown or expired state");
    }

    @Test
    void aResponseWithoutStateIs400() {
        LoginResult.Failed failed = failed(handler().handle(params("code", "c"), pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.logDetail()).isEqualTo("callback without state");
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void aRepeatedParameterIs400BeforeAnythingIsSpent() {
        Map<String, List<String>> response = providerResponse();
        response.put("code", List.of(response.get("code").get(0), "another"));

        LoginResult.Failed failed = failed(handler().handle(response, pending));

        // RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once."
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.userMessage()).contains("'code' appears more than once");
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void aResponseWithoutCodeIs400() {
        LoginResult.Failed failed = failed(handler().handle(params("state", "state-1"), pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.logDetail()).isEqualTo("callback without code");
    }

    // --- RFC 9207 iss ---

    @Test
    void whenTheProviderAdvertisesIssAResponseWithoutItIsRefused() {
        provider.get().behaviour().issParameter(true, null);

        LoginResult.Failed failed = failed(handler().handle(providerResponse(), pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.logDetail()).contains("RFC 9207: iss missing");
        assertThat(provider.get().count("token")).isZero();
    }

    @Test
    void whenTheProviderAdvertisesIssTheRightOneLogsIn() {
        provider.get().behaviour().issParameter(true);
        Map<String, List<String>> response = providerResponse();
        assertThat(response.get("iss")).containsExactly(provider.get().issuer());

        assertThat(handler().handle(response, pending)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void anIssOtherThanTheIssuerIsRefusedEvenWhenNotAdvertised() {
        provider.get().behaviour().issParameter(false, "https://mix-up.example.com");

        LoginResult.Failed failed = failed(handler().handle(providerResponse(), pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.userMessage()).contains("unexpected identity provider");
        assertThat(failed.logDetail()).contains("'https://mix-up.example.com'");
        assertThat(provider.get().count("token")).isZero();
    }

    @Test
    void anIssThatDiffersOnlyByATrailingSlashIsRefused() {
        provider.get().behaviour().issParameter(true, provider.get().issuer() + "/");

        assertThat(failed(handler().handle(providerResponse(), pending)).status()).isEqualTo(400);
    }

    @Test
    void anUnadvertisedButCorrectIssLogsIn() {
        provider.get().behaviour().issParameter(false, provider.get().issuer());

        assertThat(handler().handle(providerResponse(), pending)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    // --- the provider's error response (RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6) ---

    @Test
    void accessDeniedIs403WithTheProvidersWords() {
        LoginResult.Failed failed = failed(handler().handle(params("state", "state-1", "error", "access_denied",
                "error_description", "The user said <no>"), pending));

        assertThat(failed.status()).isEqualTo(403);
        assertThat(failed.providerError()).isEqualTo("access_denied");
        assertThat(failed.providerErrorDescription()).isEqualTo("The user said <no>");
        assertThat(failed.retryable()).isFalse();
        assertThat(provider.get().count("token")).isZero();
    }

    @Test
    void anyOtherProviderErrorIs400WithTheProvidersWords() {
        LoginResult.Failed failed = failed(handler().handle(params("state", "state-1", "error", "invalid_scope"),
                pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.providerError()).isEqualTo("invalid_scope");
        assertThat(failed.providerErrorDescription()).isNull();
    }

    @Test
    void anErrorWithoutStateStillShowsTheProvidersWordsAndSpendsNoPendingLogin() {
        LoginResult.Failed failed = failed(handler().handle(params("error", "access_denied"), pending));

        assertThat(failed.status()).isEqualTo(403);
        assertThat(failed.providerError()).isEqualTo("access_denied");
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void loginRequiredAfterASilentReauthenticationBecomesAnInteractiveLogin() {
        LoginResult interactive = new LoginResult.Redirect(URI.create("https://op.example/authorize?prompt=login"));
        List<String> handedOver = new java.util.ArrayList<>();

        for (String error : List.of("login_required", "interaction_required")) {
            pending.add(new PendingLogin("silent-" + error, "n", ProviderLogins.VERIFIER, ProviderLogins.REDIRECT,
                    "/report", clock.millis(), true));
            LoginResult result = handler((login, logins) -> {
                handedOver.add(login.returnTo());
                return interactive;
            }).handle(params("state", "silent-" + error, "error", error), pending);

            assertThat(result).as(error).isSameAs(interactive);
        }
        assertThat(handedOver).containsExactly("/report", "/report");
    }

    @Test
    void loginRequiredOnAnInteractiveLoginIsAnError() {
        LoginResult.Failed failed = failed(handler((login, logins) -> {
            throw new AssertionError("only silent logins fall back");
        }).handle(params("state", "state-1", "error", "login_required"), pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.providerError()).isEqualTo("login_required");
    }

    // --- the token endpoint and what follows ---

    @Test
    void anInvalidGrantAtTheTokenEndpointIs400AskingToStartAgain() {
        Map<String, List<String>> response = providerResponse();
        provider.get().behaviour().tokenEndpointError(400, "invalid_grant", "code expired");

        LoginResult.Failed failed = failed(handler().handle(response, pending));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.userMessage()).contains("refused to complete the login").contains("start the login again");
        assertThat(failed.providerError()).isEqualTo("invalid_grant");
        assertThat(failed.providerErrorDescription()).isEqualTo("code expired");
    }

    @Test
    void aClientAuthenticationFailureAtTheTokenEndpointIs502() {
        Map<String, List<String>> response = providerResponse();

        LoginResult.Failed failed = failed(handler("client-secret", "not-the-secret").handle(response, pending));

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.providerError()).isEqualTo("invalid_client");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aTokenEndpointThatAnswersNonsenseIs502() {
        Map<String, List<String>> response = providerResponse();
        provider.get().behaviour().tokenEndpointRawResponse(200, "text/html", "<html>maintenance</html>");

        LoginResult.Failed failed = failed(handler().handle(response, pending));

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aTokenEndpointThatIsDownIs503WithARetryHint() {
        Map<String, List<String>> response = providerResponse();
        provider.get().behaviour().tokenEndpointRawResponse(503, "text/plain", "down for maintenance");

        LoginResult.Failed failed = failed(handler().handle(response, pending));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void anUnreachableTokenEndpointIs503WithARetryHint() throws Exception {
        Map<String, List<String>> response = providerResponse();
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "http://127.0.0.1:" + socket.getLocalPort() + "/token";
        }

        LoginResult.Failed failed = failed(handler("token-endpoint", nowhere,
                "authorization-endpoint", provider.get().authorizationEndpoint().toString(),
                "jwks-uri", provider.get().jwksUri().toString()).handle(response, pending));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void anIdTokenForAnotherNonceIs401() {
        pending.add(new PendingLogin("state-2", "the-nonce-we-sent", ProviderLogins.VERIFIER, ProviderLogins.REDIRECT,
                "/", clock.millis()));
        Map<String, List<String>> response = ProviderLogins.authorizationResponse(provider.get(),
                TestProvider.DEFAULT_CLIENT_ID, "openid", "state-2", "a-nonce-an-attacker-chose");

        LoginResult.Failed failed = failed(handler().handle(response, pending));

        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.logDetail()).contains("nonce");
    }

    @Test
    void anIdTokenThatExpiredByTheHandlersClockIs401() {
        Map<String, List<String>> response = providerResponse();
        // still within the pending login's lifetime, but past the ID token's exp and the clock skew
        clock.advance(Duration.ofMinutes(9));
        provider.get().behaviour().idTokenClaims(b -> b.expirationTime(java.util.Date.from(
                java.time.Instant.now().plusSeconds(60))));

        LoginResult.Failed failed = failed(handler("clock-skew", "0").handle(response, pending));

        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.logDetail()).contains("exp");
    }

    @Test
    void userinfoAboutAnotherUserIs401() {
        provider.get().behaviour().userinfoSub("mallory");

        LoginResult.Failed failed = failed(handler().handle(providerResponse(), pending));

        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.logDetail()).contains("§5.3.2");
    }
}
