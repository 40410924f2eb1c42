package io.github.oidcservlet.core.internal.login;

import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** OIDC Core §3.1.2.6: which answers to a {@code prompt=none} login turn into an interactive login. */
class SilentReauthenticationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final LoginResult INTERACTIVE = new LoginResult.Redirect(URI.create("https://op.example.com/auth"));

    private static LoginResult answer(String error, boolean silent) {
        URI base = URI.create(TestConfigs.ISSUER);
        OidcProvider provider = mock(OidcProvider.class);
        when(provider.metadata()).thenReturn(new ProviderMetadata(TestConfigs.ISSUER, base.resolve("/authorize"),
                base.resolve("/token"), null, base.resolve("/jwks"), null, null, List.of("RS256"), List.of(), false));
        CallbackHandler handler = new CallbackHandler(TestConfigs.valid(), provider, null, () -> null,
                Clock.fixed(NOW, ZoneOffset.UTC), (login, pending) -> INTERACTIVE);
        PendingLogins pending = new PendingLogins();
        pending.add(new PendingLogin("s1", "n1", "v1", "https://app/callback", "/profile", NOW.toEpochMilli(), silent));
        return handler.handle(Map.of("state", List.of("s1"), "error", List.of(error)), pending);
    }

    @ParameterizedTest
    @ValueSource(strings = {"login_required", "interaction_required", "consent_required", "account_selection_required"})
    void aPersonMustActSoTheSilentLoginBecomesInteractive(String error) {
        assertThat(answer(error, true)).isSameAs(INTERACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_denied", "invalid_request", "server_error"})
    void otherErrorsOfASilentLoginAreShown(String error) {
        assertThat(answer(error, true)).isInstanceOfSatisfying(LoginResult.Failed.class,
                failed -> assertThat(failed.providerError()).isEqualTo(error));
    }

    @ParameterizedTest
    @ValueSource(strings = {"login_required", "consent_required"})
    void anInteractiveLoginShowsTheError(String error) {
        assertThat(answer(error, false)).isInstanceOf(LoginResult.Failed.class);
    }
}
