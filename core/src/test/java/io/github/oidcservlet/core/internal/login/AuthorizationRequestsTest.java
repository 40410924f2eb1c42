package io.github.oidcservlet.core.internal.login;

import io.github.oidcservlet.core.TestConfigs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationRequestsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void s256MatchesTheRfc7636AppendixBExample() {
        assertThat(AuthorizationRequests.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void challengeIsTheS256OfTheRememberedVerifier() {
        AuthorizationRequests requests = new AuthorizationRequests(TestConfigs.valid(), clock);
        AuthorizationRequests.Started started = requests.start(URI.create("https://op.example.com/authorize"),
                "https://app.example.com/oidc/callback", "/profile", Map.of());
        String location = started.location().toString();
        assertThat(location).contains("code_challenge=" + AuthorizationRequests.s256(started.pending().codeVerifier()))
                .contains("code_challenge_method=S256")
                .contains("state=" + started.pending().state())
                .contains("nonce=" + started.pending().nonce())
                .contains("scope=openid%20profile%20email")
                .contains("redirect_uri=https%3A%2F%2Fapp.example.com%2Foidc%2Fcallback");
        assertThat(started.pending().codeVerifier()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(started.pending().returnTo()).isEqualTo("/profile");
        assertThat(started.pending().createdAtMillis()).isEqualTo(clock.millis());
    }

    @Test
    void keepsTheEndpointsOwnQueryAndAddsExtraParameters() {
        AuthorizationRequests requests = new AuthorizationRequests(
                TestConfigs.with("extra-auth-params", "prompt=login&tenant=t 1", "scopes", "openid hybris.tenant=t1"), clock);
        String location = requests.start(URI.create("https://op.example.com/authorize?p=B2C_1_signin"),
                "https://app/cb", "/", Map.of("id_token_hint", "hint")).location().toString();
        assertThat(location).startsWith("https://op.example.com/authorize?p=B2C_1_signin&response_type=code")
                .contains("&prompt=login", "&tenant=t%201", "&id_token_hint=hint", "scope=openid%20hybris.tenant%3Dt1");
    }

    @Test
    void stateAndNonceDifferEveryTime() {
        AuthorizationRequests requests = new AuthorizationRequests(TestConfigs.valid(), clock);
        PendingLogin a = requests.start(URI.create("https://op/a"), "https://app/cb", "/", Map.of()).pending();
        PendingLogin b = requests.start(URI.create("https://op/a"), "https://app/cb", "/", Map.of()).pending();
        assertThat(a.state()).isNotEqualTo(b.state()).hasSize(43);
        assertThat(a.nonce()).isNotEqualTo(b.nonce()).isNotEqualTo(a.state());
        assertThat(a.toString()).doesNotContain(a.codeVerifier()).doesNotContain(a.state());
    }

    @Test
    void aReauthenticationCarriesTheIdTokenHintAndPromptNoneOnlyWithSilentReauth() {
        URI endpoint = URI.create("https://op.example.com/authorize");
        AuthorizationRequests.Started silent = new AuthorizationRequests(TestConfigs.with("silent-reauth", "true"),
                clock).reauthenticate(endpoint, "https://app/cb", "/", "the.id.token");
        assertThat(silent.location().toString()).contains("&id_token_hint=the.id.token", "&prompt=none");
        assertThat(silent.pending().silent()).isTrue();
        AuthorizationRequests.Started interactive = new AuthorizationRequests(TestConfigs.valid(), clock)
                .reauthenticate(endpoint, "https://app/cb", "/", "the.id.token");
        assertThat(interactive.location().toString()).contains("&id_token_hint=the.id.token")
                .doesNotContain("prompt=");
        assertThat(interactive.pending().silent()).isFalse();
    }
}
