package io.github.oidcservlet.core.internal.session;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.LogCapture;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.token.TokenClient;
import io.github.oidcservlet.core.internal.token.TokenEndpointException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Issue 10 item 4: the provider's error code of a refused refresh reaches the log only neutralized. */
class LoginRefresherLogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {400, 503})
    void aForgedLineInTheErrorCodeStaysOnTheRefreshLine(int status) {
        TokenClient tokens = mock(TokenClient.class);
        when(tokens.refresh("rt")).thenThrow(
                new TokenEndpointException(status, "invalid_grant\nSEVERE: FAKE LINE", "gone\r\nWARNING: FAKE TOO"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        LoginRefresher refresher = new LoginRefresher(tokens, () -> null,
                new LoginFactory(TestConfigs.valid()), clock, Duration.ofSeconds(1));
        OidcLogin session = OidcLogin.builder().subject("alice").principalName("alice").roles(Set.of())
                .idToken("a.b.c").accessToken("at").refreshToken("rt")
                .expiresAtMillis(NOW.minusSeconds(1).toEpochMilli()).build();

        try (LogCapture log = LogCapture.of(LoginRefresher.class)) {
            refresher.refresh(session);

            assertThat(log.text()).contains("Refresh", "FAKE LINE", "FAKE TOO")
                    .doesNotContain("\nSEVERE: FAKE LINE", "\nWARNING: FAKE TOO");
        }
    }
}
