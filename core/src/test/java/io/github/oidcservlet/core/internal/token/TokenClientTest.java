package io.github.oidcservlet.core.internal.token;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.ProviderLogins;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.core.internal.provider.ProviderUnavailableException;
import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link TokenClient} sends to the token endpoint and how it reads every kind of answer (RFC 6749 §5). */
class TokenClientTest {

    private static final String JWT_SECRET = "a-client-secret-of-at-least-32-bytes!!";
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private static TokenClient client(String... keyValues) {
        OidcConfig config = TestConfigs.forProvider(provider.get(), keyValues);
        OidcProvider op = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
        return new TokenClient(config, op, ClientAuthentications.from(config, CLOCK));
    }

    private static String code(String clientId) {
        return ProviderLogins.code(provider.get(), clientId, "openid");
    }

    private static RecordedRequest lastTokenRequest() {
        List<RecordedRequest> requests = provider.get().requests("token");
        return requests.get(requests.size() - 1);
    }

    private static String urlEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // --- what is sent ---

    @Test
    void aCodeIsRedeemedWithItsRedirectUriAndPkceVerifier() {
        String code = code(TestProvider.DEFAULT_CLIENT_ID);

        TokenResponse tokens = client().redeemCode(code, ProviderLogins.REDIRECT, ProviderLogins.VERIFIER);

        RecordedRequest sent = lastTokenRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.formParams().keySet()).containsExactlyInAnyOrder("grant_type", "code", "redirect_uri", "code_verifier");
        assertThat(sent.form("grant_type")).isEqualTo("authorization_code");
        assertThat(sent.form("code")).isEqualTo(code);
        assertThat(sent.form("redirect_uri")).isEqualTo(ProviderLogins.REDIRECT);
        assertThat(sent.form("code_verifier")).isEqualTo(ProviderLogins.VERIFIER);
        assertThat(sent.header("Accept")).isEqualTo("application/json");
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.idToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void aRefreshSendsTheRefreshTokenGrantAndNothingElse() {
        TokenClient client = client();
        TokenResponse tokens = client.redeemCode(code(TestProvider.DEFAULT_CLIENT_ID), ProviderLogins.REDIRECT,
                ProviderLogins.VERIFIER);

        client.refresh(tokens.refreshToken());

        RecordedRequest sent = lastTokenRequest();
        assertThat(sent.formParams().keySet()).containsExactlyInAnyOrder("grant_type", "refresh_token");
        assertThat(sent.form("grant_type")).isEqualTo("refresh_token");
        assertThat(sent.form("refresh_token")).isEqualTo(tokens.refreshToken());
    }

    @Test
    void clientSecretBasicFormEncodesIdAndSecretIntoTheAuthorizationHeaderAndKeepsThemOutOfTheBody() {
        provider.get().client("my app:1", "s&cret:x");

        client("client-id", "my app:1", "client-secret", "s&cret:x", "client-auth-method", "client_secret_basic")
                .redeemCode(code("my app:1"), ProviderLogins.REDIRECT, ProviderLogins.VERIFIER);

        RecordedRequest sent = lastTokenRequest();
        // RFC 6749 §2.3.1: client id and secret are form-urlencoded, then joined by ':' and Base64-encoded.
        assertThat(sent.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (urlEncoded("my app:1") + ":" + urlEncoded("s&cret:x")).getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.formParams()).doesNotContainKeys("client_id", "client_secret", "client_assertion");
    }

    @Test
    void clientSecretPostPutsIdAndSecretInTheBodyAndSendsNoAuthorizationHeader() {
        client("client-auth-method", "client_secret_post")
                .redeemCode(code(TestProvider.DEFAULT_CLIENT_ID), ProviderLogins.REDIRECT, ProviderLogins.VERIFIER);

        RecordedRequest sent = lastTokenRequest();
        assertThat(sent.form("client_id")).isEqualTo(TestProvider.DEFAULT_CLIENT_ID);
        assertThat(sent.form("client_secret")).isEqualTo(TestProvider.DEFAULT_CLIENT_SECRET);
        assertThat(sent.header("Authorization")).isNull();
    }

    @Test
    void aPublicClientSendsItsIdAndNoSecret() {
        provider.get().client("spa", null);

        client("client-id", "spa", "client-secret", null)
                .redeemCode(code("spa"), ProviderLogins.REDIRECT, ProviderLogins.VERIFIER);

        RecordedRequest sent = lastTokenRequest();
        assertThat(sent.form("client_id")).isEqualTo("spa");
        assertThat(sent.formParams()).doesNotContainKeys("client_secret", "client_assertion");
        assertThat(sent.header("Authorization")).isNull();
    }

    @Test
    void clientSecretJwtSendsAnAssertionDatedByTheEnginesClock() throws Exception {
        provider.get().client("jwt-app", JWT_SECRET);

        client("client-id", "jwt-app", "client-secret", JWT_SECRET, "client-auth-method", "client_secret_jwt")
                .redeemCode(code("jwt-app"), ProviderLogins.REDIRECT, ProviderLogins.VERIFIER);

        RecordedRequest sent = lastTokenRequest();
        // RFC 7523 §2.2 and OIDC Core §9: the assertion type, and iss = sub = client id, aud = token endpoint.
        assertThat(sent.form("client_assertion_type"))
                .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(sent.formParams()).doesNotContainKey("client_secret");
        assertThat(sent.header("Authorization")).isNull();
        JWTClaimsSet assertion = SignedJWT.parse(sent.form("client_assertion")).getJWTClaimsSet();
        assertThat(assertion.getIssuer()).isEqualTo("jwt-app");
        assertThat(assertion.getSubject()).isEqualTo("jwt-app");
        assertThat(assertion.getAudience()).containsExactly(provider.get().tokenEndpoint().toString());
        assertThat(assertion.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(assertion.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
    }

    // --- how answers are read ---

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
    void tokenTypeBearerIsAcceptedInAnyCase(String tokenType) {
        // RFC 6749 §5.1: token_type "is case insensitive".
        provider.get().behaviour().tokenType(tokenType);

        TokenResponse tokens = client().redeemCode(code(TestProvider.DEFAULT_CLIENT_ID), ProviderLogins.REDIRECT,
                ProviderLogins.VERIFIER);

        assertThat(tokens.tokenType()).isEqualTo(tokenType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DPoP", "mac", "N_A"})
    void aTokenTypeOtherThanBearerIsAProtocolError(String tokenType) {
        provider.get().behaviour().tokenType(tokenType);
        String code = code(TestProvider.DEFAULT_CLIENT_ID);

        assertThatThrownBy(() -> client().redeemCode(code, ProviderLogins.REDIRECT, ProviderLogins.VERIFIER))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("token_type '" + tokenType + "'");
    }

    @Test
    void aTokenResponseWithoutTokenTypeIsAProtocolError() {
        provider.get().behaviour().tokenType(null);
        String code = code(TestProvider.DEFAULT_CLIENT_ID);

        assertThatThrownBy(() -> client().redeemCode(code, ProviderLogins.REDIRECT, ProviderLogins.VERIFIER))
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("token_type 'null'");
    }

    @Test
    void aCodeRedemptionWithoutAnIdTokenIsAProtocolErrorNamingTheRule() {
        provider.get().behaviour().omitIdToken(true);
        String code = code(TestProvider.DEFAULT_CLIENT_ID);

        assertThatThrownBy(() -> client().redeemCode(code, ProviderLogins.REDIRECT, ProviderLogins.VERIFIER))
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("without an id_token")
                .hasMessageContaining("§3.1.3.3");
    }

    @Test
    void aRefreshWithoutAnIdTokenIsFine() {
        TokenClient client = client();
        TokenResponse login = client.redeemCode(code(TestProvider.DEFAULT_CLIENT_ID), ProviderLogins.REDIRECT,
                ProviderLogins.VERIFIER);
        provider.get().behaviour().omitIdToken(true);

        TokenResponse refreshed = client.refresh(login.refreshToken());

        assertThat(refreshed.idToken()).isNull();
        assertThat(refreshed.accessToken()).isNotBlank();
    }

    @Test
    void expiresInSecondsBecomeMillisecondsAndAMissingOneStaysUnknown() {
        provider.get().behaviour().expiresIn(42L);
        TokenClient client = client();
        TokenResponse tokens = client.redeemCode(code(TestProvider.DEFAULT_CLIENT_ID), ProviderLogins.REDIRECT,
                ProviderLogins.VERIFIER);
        assertThat(tokens.expiresInMillis()).isEqualTo(42_000L);

        provider.get().behaviour().expiresIn(null);
        assertThat(client.refresh(tokens.refreshToken()).expiresInMillis()).isNull();
    }

    @Test
    void expiresInIsReadInMillisecondsWhenConfiguredSo() {
        provider.get().behaviour().expiresIn(42L).expiresInMilliseconds(true);

        TokenResponse tokens = client("expires-in-unit", "milliseconds").redeemCode(
                code(TestProvider.DEFAULT_CLIENT_ID), ProviderLogins.REDIRECT, ProviderLogins.VERIFIER);

        assertThat(tokens.expiresInMillis()).isEqualTo(42_000L);
    }

    @Test
    void anExpiresInWrittenAsADigitStringIsRead() {
        provider.get().behaviour().tokenEndpointRawResponse(200, "application/json",
                "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}");

        assertThat(client().refresh("rt").expiresInMillis()).isEqualTo(3_600_000L);
    }

    @Test
    void aNonNumericExpiresInIsAProtocolError() {
        provider.get().behaviour().tokenEndpointRawResponse(200, "application/json",
                "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":\"soon\"}");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("expires_in");
    }

    @Test
    void aSuccessWithoutAccessTokenIsAProtocolError() {
        provider.get().behaviour().tokenEndpointRawResponse(200, "application/json", "{\"token_type\":\"Bearer\"}");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("no access_token");
    }

    @Test
    void aSuccessThatIsNotAJsonObjectIsAProtocolError() {
        provider.get().behaviour().tokenEndpointRawResponse(200, "text/html", "<html>welcome</html>");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("without a JSON object");
    }

    @Test
    void anOAuthErrorBecomesATokenEndpointExceptionWithTheStatusAndTheProvidersWords() {
        provider.get().behaviour().tokenEndpointError(400, "invalid_grant", "the refresh token was revoked");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOfSatisfying(TokenEndpointException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("invalid_grant");
            assertThat(e.errorDescription()).isEqualTo("the refresh token was revoked");
            assertThat(e.isInvalidGrant()).isTrue();
            assertThat(e).hasMessage("The token endpoint answered HTTP 400 invalid_grant: the refresh token was revoked");
        });
    }

    @Test
    void aClientAuthenticationFailureKeepsIts401AndHasNoDescriptionWhenTheProviderGivesNone() {
        provider.get().behaviour().tokenEndpointRawResponse(401, "application/json", "{\"error\":\"invalid_client\"}");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOfSatisfying(TokenEndpointException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.error()).isEqualTo("invalid_client");
            assertThat(e.errorDescription()).isNull();
            assertThat(e.isInvalidGrant()).isFalse();
            assertThat(e).hasMessage("The token endpoint answered HTTP 401 invalid_client");
        });
    }

    @Test
    void anOAuthErrorOnA5xxKeepsTheServerStatusForTheCallerToTreatAsTemporary() {
        provider.get().behaviour().tokenEndpointError(503, "temporarily_unavailable", "maintenance");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOfSatisfying(TokenEndpointException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void a5xxWithoutAnOAuthErrorIsTheProviderBeingUnavailable() {
        provider.get().behaviour().tokenEndpointRawResponse(502, "text/html", "<h1>Bad Gateway</h1>");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 502");
    }

    @Test
    void a4xxWithoutAnOAuthErrorIsAProtocolError() {
        provider.get().behaviour().tokenEndpointRawResponse(404, "text/plain", "not found");

        assertThatThrownBy(() -> client().refresh("rt")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining("§5.2");
    }
}
