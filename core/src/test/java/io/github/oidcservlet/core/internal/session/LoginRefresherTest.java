package io.github.oidcservlet.core.internal.session;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshOutcome;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.ProviderLogins;
import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.internal.token.ClientAuthentications;
import io.github.oidcservlet.core.internal.token.TokenClient;
import io.github.oidcservlet.core.internal.token.TokenResponse;
import io.github.oidcservlet.core.internal.validation.IdTokenValidator;
import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silent refresh, {@link LoginRefresher} alone against the in-process provider: what every answer of the token
 * endpoint turns a login into. Time comes from a {@link TestClock}.
 */
class LoginRefresherTest {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private final TestClock clock = new TestClock();

    /** The pieces one configuration gives; {@code keyValues} override the defaults pointing at the provider. */
    private final class Wiring {
        final TokenClient tokenClient;
        final IdTokenValidator validator;
        final LoginFactory sessionFactory;
        final LoginRefresher refresher;

        Wiring(String... keyValues) {
            OidcConfig config = TestConfigs.forProvider(provider.get(), keyValues);
            OidcProvider op = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
            tokenClient = new TokenClient(config, op, ClientAuthentications.from(config, clock));
            validator = new IdTokenValidator(config, op.metadata(), op::jwkSource, clock);
            sessionFactory = new LoginFactory(config);
            refresher = new LoginRefresher(tokenClient, () -> validator, sessionFactory, clock, Duration.ofSeconds(5));
        }

        /** A login made through the code flow at the clock's current time. */
        OidcLogin logIn() {
            TokenResponse tokens = tokenClient.redeemCode(ProviderLogins.code(provider.get(),
                    TestProvider.DEFAULT_CLIENT_ID, "openid"), ProviderLogins.REDIRECT, ProviderLogins.VERIFIER);
            JWTClaimsSet claims = validator.validate(tokens.idToken(), "n");
            return sessionFactory.create(claims, null, tokens, clock.millis());
        }
    }

    private static long refreshGrants() {
        return provider.get().requests("token").stream()
                .map(RecordedRequest::formParams)
                .filter(form -> form.getOrDefault("grant_type", java.util.List.of()).contains("refresh_token"))
                .count();
    }

    private static <T extends RefreshOutcome> T outcome(RefreshOutcome outcome, Class<T> type) {
        assertThat(outcome).isInstanceOf(type);
        return type.cast(outcome);
    }

    @Test
    void aRefreshGivesANewAccessTokenWhoseExpiryCountsFromTheClock() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        clock.advance(Duration.ofMinutes(4));
        provider.get().behaviour().expiresIn(600L);

        OidcLogin refreshed = outcome(wiring.refresher.refresh(login), RefreshOutcome.Refreshed.class).session();

        assertThat(refreshed.accessToken()).isNotEqualTo(login.accessToken());
        assertThat(refreshed.expiresAtMillis()).isEqualTo(clock.millis() + 600_000);
        assertThat(refreshed.subject()).isEqualTo(login.subject());
        assertThat(refreshed.loginAtMillis()).as("still the same login").isEqualTo(login.loginAtMillis());
        assertThat(refreshGrants()).isEqualTo(1);
    }

    @Test
    void aRotatedRefreshTokenReplacesTheOldOne() {
        Wiring wiring = new Wiring();
        provider.get().behaviour().rotateRefreshTokens(true);
        OidcLogin login = wiring.logIn();

        OidcLogin refreshed = outcome(wiring.refresher.refresh(login), RefreshOutcome.Refreshed.class).session();

        assertThat(refreshed.refreshToken()).isNotNull().isNotEqualTo(login.refreshToken());
        // the new one works, at a refresher that has never seen this login
        assertThat(new Wiring().refresher.refresh(refreshed)).isInstanceOf(RefreshOutcome.Refreshed.class);
    }

    @Test
    void whenTheProviderSendsNoNewRefreshTokenTheOldOneIsKept() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().issueRefreshToken(false);

        OidcLogin refreshed = outcome(wiring.refresher.refresh(login), RefreshOutcome.Refreshed.class).session();

        // RFC 6749 §6: the provider MAY issue a new refresh token; without one, the client keeps the old one.
        assertThat(refreshed.refreshToken()).isEqualTo(login.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(login.accessToken());
    }

    @Test
    void aRefreshWithoutANewIdTokenKeepsTheOriginalOne() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().omitIdToken(true);

        OidcLogin refreshed = outcome(wiring.refresher.refresh(login), RefreshOutcome.Refreshed.class).session();

        assertThat(refreshed.idToken()).isEqualTo(login.idToken());
        assertThat(refreshed.principalName()).isEqualTo(login.principalName());
    }

    @Test
    void aLoginWithoutRefreshTokenIsNotRefreshableAndAsksNobody() {
        Wiring wiring = new Wiring();
        provider.get().behaviour().issueRefreshToken(false);
        OidcLogin login = wiring.logIn();

        assertThat(wiring.refresher.refresh(login)).isInstanceOf(RefreshOutcome.NotRefreshable.class);
        assertThat(refreshGrants()).isZero();
    }

    @Test
    void invalidGrantEndsTheLoginWithTheProvidersWordsInTheLogDetail() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().tokenEndpointError(400, "invalid_grant", "Token is not active");

        RefreshOutcome.Ended ended = outcome(wiring.refresher.refresh(login), RefreshOutcome.Ended.class);

        assertThat(ended.logDetail()).contains("HTTP 400", "invalid_grant", "Token is not active")
                .doesNotContain(login.refreshToken());
    }

    @Test
    void anyOtherClientErrorEndsTheLoginToo() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().tokenEndpointError(401, "invalid_client", null);

        assertThat(wiring.refresher.refresh(login)).isInstanceOf(RefreshOutcome.Ended.class);
    }

    @Test
    void aRefreshTokenTheProviderForgotEndsTheLogin() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().forgetTokens();

        assertThat(wiring.refresher.refresh(login)).isInstanceOf(RefreshOutcome.Ended.class);
    }

    @Test
    void anOAuthErrorOnA5xxIsUnavailableNotTheEnd() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().tokenEndpointError(503, "temporarily_unavailable", "maintenance");

        RefreshOutcome.Unavailable unavailable = outcome(wiring.refresher.refresh(login),
                RefreshOutcome.Unavailable.class);

        assertThat(unavailable.logDetail()).contains("HTTP 503");
    }

    @Test
    void a5xxWithoutAnErrorBodyIsUnavailable() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().tokenEndpointRawResponse(502, "text/html", "<h1>Bad Gateway</h1>");

        assertThat(wiring.refresher.refresh(login)).isInstanceOf(RefreshOutcome.Unavailable.class);
    }

    @Test
    void anAnswerThatIsNotATokenResponseIsUnavailableNotTheEnd() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().tokenEndpointRawResponse(200, "text/html", "<html>login page</html>");

        assertThat(wiring.refresher.refresh(login)).isInstanceOf(RefreshOutcome.Unavailable.class);
    }

    @Test
    void aProviderThatIsDownIsUnavailable() throws Exception {
        OidcLogin login = new Wiring().logIn();
        String nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = "http://127.0.0.1:" + socket.getLocalPort() + "/token";
        }
        Wiring down = new Wiring("token-endpoint", nowhere,
                "authorization-endpoint", provider.get().authorizationEndpoint().toString(),
                "jwks-uri", provider.get().jwksUri().toString());

        assertThat(down.refresher.refresh(login)).isInstanceOf(RefreshOutcome.Unavailable.class);
    }

    @Test
    void aRefreshedIdTokenForAnotherSubjectEndsTheLogin() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        provider.get().behaviour().idTokenClaims(claims -> claims.subject("mallory"));

        RefreshOutcome.Ended ended = outcome(wiring.refresher.refresh(login), RefreshOutcome.Ended.class);

        // OIDC Core §12.2: "its sub Claim Value MUST be the same as in the ID Token issued when the original
        // authentication occurred"
        assertThat(ended.logDetail()).contains("sub");
    }

    @Test
    void aRefreshedIdTokenThatExpiredByTheClockEndsTheLogin() {
        Wiring wiring = new Wiring();
        OidcLogin login = wiring.logIn();
        clock.advance(Duration.ofHours(1));

        // the provider's token is valid by the wall clock, not by the refresher's (an hour on, beyond the skew)
        assertThat(wiring.refresher.refresh(login)).isInstanceOf(RefreshOutcome.Ended.class);
    }
}
