package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.logout.BackchannelLogout;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.OidcLogin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The logout token rules of OpenID Back-Channel Logout 1.0 §2.4–2.7, each asserted by name, on a fixed clock. */
class LogoutTokenValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static LogoutTokenValidator validator() {
        URI base = URI.create(TestConfigs.ISSUER);
        ProviderMetadata metadata = new ProviderMetadata(TestConfigs.ISSUER, base.resolve("/authorize"),
                base.resolve("/token"), null, base.resolve("/jwks"), null, null, List.of("RS256"), List.of(), false);
        return new LogoutTokenValidator(TestConfigs.valid(), metadata, IdTokens::jwks, CLOCK,
                BackchannelLogout.MAX_TOKEN_AGE);
    }

    /** The claims of a valid logout token issued at {@code iat}. */
    private static JWTClaimsSet.Builder claims(Instant iat) {
        return new JWTClaimsSet.Builder()
                .issuer(TestConfigs.ISSUER)
                .audience(TestConfigs.CLIENT_ID)
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of(LogoutTokenValidator.BACKCHANNEL_LOGOUT_EVENT, Map.of()));
    }

    private static String sign(JWTClaimsSet claims) {
        return IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(IdTokens.RSA.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims, IdTokens.RSA);
    }

    /** A login of {@code sub} in provider session {@code sid} whose ID token was issued at {@code iat}. */
    private static OidcLogin login(String sub, String sid, Instant iat, Instant localLoginAt) {
        return OidcLogin.builder().issuer(TestConfigs.ISSUER).subject(sub).principalName(sub).roles(Set.of())
                .idToken("h.p.s").accessToken("at").refreshToken("rt")
                .expiresAtMillis(localLoginAt.plusSeconds(300).toEpochMilli()).sid(sid)
                .loginAtMillis(localLoginAt.toEpochMilli()).issuedAtMillis(iat.toEpochMilli()).build();
    }

    @Test
    void acceptsAValidLogoutTokenWithSidAndSub() {
        LogoutTokenValidator.LogoutToken token = validator().validate(sign(claims(NOW).claim("sid", "sid-1")
                .subject("alice").build()));
        assertThat(token.sid()).isEqualTo("sid-1");
        assertThat(token.sub()).isEqualTo("alice");
        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void refusesALogoutTokenWithoutExp() {
        String token = sign(claims(NOW).claim("sid", "sid-1").expirationTime(null).build());
        assertThatThrownBy(() -> validator().validate(token))
                .isInstanceOf(TokenValidationException.class)
                .hasMessageContaining("exp is missing (§2.4 REQUIRED)");
    }

    @Test
    void refusesAnExpiredLogoutToken() {
        String token = sign(claims(NOW.minusSeconds(300)).claim("sid", "sid-1")
                .expirationTime(Date.from(NOW.minusSeconds(200))).build());
        assertThatThrownBy(() -> validator().validate(token))
                .isInstanceOf(TokenValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aLogoutTokenWithSidAndSubEndsTheLoginsMatchingEither() {
        InMemoryEndedLogins index = new InMemoryEndedLogins(Duration.ofHours(1), 100, CLOCK::millis);
        BackchannelLogout logout = new BackchannelLogout(LogoutTokenValidatorTest::validator, index, CLOCK,
                Duration.ofSeconds(60));
        Instant before = NOW.minusSeconds(60);
        assertThat(logout.handle(List.of(sign(claims(NOW).claim("sid", "sid-1").subject("alice").build())))
                .isSuccess()).isTrue();
        assertThat(index.isEnded(login("bob", "sid-1", before, before))).as("matches the sid").isTrue();
        assertThat(index.isEnded(login("alice", "sid-2", before, before))).as("matches the sub").isTrue();
        assertThat(index.isEnded(login("alice", null, before, before))).as("matches the sub").isTrue();
        assertThat(index.isEnded(login("bob", "sid-2", before, before))).as("matches neither").isFalse();
    }

    @Test
    void aLoginIssuedBeforeTheLogoutTokenEndsAndOneIssuedAfterItDoesNotWhateverTheLocalClockSays() {
        InMemoryEndedLogins index = new InMemoryEndedLogins(Duration.ofHours(1), 100, CLOCK::millis);
        BackchannelLogout logout = new BackchannelLogout(LogoutTokenValidatorTest::validator, index, CLOCK,
                Duration.ofSeconds(60));
        // the logout token was issued five minutes ago and reaches us only now
        Instant logoutIat = NOW.minusSeconds(300);
        assertThat(logout.handle(List.of(sign(claims(logoutIat).subject("alice")
                .expirationTime(Date.from(NOW.plusSeconds(60))).build()))).isSuccess()).isTrue();
        // issued before the logout token, although our clock says its callback ran after the logout arrived
        assertThat(index.isEnded(login("alice", "sid-1", logoutIat.minusSeconds(1), NOW.plusSeconds(30))))
                .as("ID token issued before the logout token").isTrue();
        // issued after the logout token, although our clock says its callback ran before the logout arrived
        assertThat(index.isEnded(login("alice", "sid-2", logoutIat.plusSeconds(60), NOW.minusSeconds(30))))
                .as("ID token issued after the logout token").isFalse();
    }
}
