package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.session.LoginFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.internal.token.TokenResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6749 §5.1, §3.3, §6: the scope a login was granted, kept with the session. */
class GrantedScopeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final LoginFactory FACTORY = new LoginFactory(TestConfigs.with("scopes", "openid profile email"));
    private static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder().issuer(TestConfigs.ISSUER).subject("u1")
            .audience(TestConfigs.CLIENT_ID).issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(300)))
            .build();

    private static TokenResponse tokens(String scope) {
        return new TokenResponse("at", "Bearer", 300_000L, "rt", "a.b.c", scope);
    }

    private static OidcLogin login(String scope) {
        return FACTORY.create(CLAIMS, null, tokens(scope), NOW.toEpochMilli());
    }

    @Test
    void aNarrowerGrantIsKept() {
        assertThat(login("openid email").grantedScope()).isEqualTo("openid email");
    }

    @Test
    void noScopeInTheResponseMeansTheRequestedOne() {
        assertThat(login(null).grantedScope()).isNull();
    }

    @Test
    void theRequestedScopeInAnotherOrderIsNotStored() {
        assertThat(login("email openid profile").grantedScope()).isNull();
    }

    @Test
    void aRefreshWithoutScopeKeepsTheLoginsGrant() {
        OidcLogin refreshed = FACTORY.refreshed(login("openid email"), null, tokens(null), NOW.toEpochMilli());
        assertThat(refreshed.grantedScope()).isEqualTo("openid email");
    }

    @Test
    void aRefreshWithScopeTellsTheNewGrant() {
        OidcLogin refreshed = FACTORY.refreshed(login("openid email"), CLAIMS, tokens("openid"), NOW.toEpochMilli());
        assertThat(refreshed.grantedScope()).isEqualTo("openid");
    }
}
