package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static io.github.oidcservlet.core.internal.validation.IdTokens.NONCE;
import static io.github.oidcservlet.core.internal.validation.IdTokens.claims;
import static io.github.oidcservlet.core.internal.validation.IdTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OIDC Core §12.2: an ID token from a refresh, compared with the login's. */
class RefreshedIdTokenTest {

    private static final Instant LOGIN = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant NOW = LOGIN.plusSeconds(3600);
    private static final JWTClaimsSet ORIGINAL = claims(LOGIN).claim("auth_time", LOGIN.getEpochSecond()).build();

    private static IdTokenValidator validator() {
        URI base = URI.create(TestConfigs.ISSUER);
        ProviderMetadata metadata = new ProviderMetadata(TestConfigs.ISSUER, base.resolve("/authorize"),
                base.resolve("/token"), null, base.resolve("/jwks"), null, null, List.of("RS256"), List.of(), false);
        return new IdTokenValidator(TestConfigs.valid(), metadata, IdTokens::jwks, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder refreshed() {
        return claims(NOW).claim("nonce", null).claim("auth_time", LOGIN.getEpochSecond());
    }

    private static void assertRefused(JWTClaimsSet claims, String problem) {
        assertThatThrownBy(() -> validator().validateRefreshed(rs256(claims), ORIGINAL))
                .isInstanceOf(TokenValidationException.class).hasMessageContaining(problem);
    }

    @Test
    void acceptsTheSameUserWithoutNonce() {
        assertThat(validator().validateRefreshed(rs256(refreshed().build()), ORIGINAL).getSubject())
                .isEqualTo(ORIGINAL.getSubject());
    }

    @Test
    void acceptsTheOriginalNonceRepeated() {
        assertThat(validator().validateRefreshed(rs256(refreshed().claim("nonce", NONCE).build()), ORIGINAL)).isNotNull();
    }

    @Test
    void refusesAnotherNonce() {
        assertRefused(refreshed().claim("nonce", "another").build(), "nonce is present and differs");
    }

    @Test
    void refusesAnotherSubject() {
        assertRefused(refreshed().subject("someone-else").build(), "sub 'someone-else' differs");
    }

    @Test
    void refusesAnotherAudienceAsAtLogin() {
        assertRefused(refreshed().audience("other-client").build(), "rule 3");
    }

    @Test
    void refusesAnAudienceTheOriginalDidNotHave() {
        // rule 3 holds (client_id is there, azp names it): only §12.2 tells the tokens apart
        assertRefused(refreshed().audience(List.of(TestConfigs.CLIENT_ID, "api")).claim("azp", TestConfigs.CLIENT_ID)
                .build(), List.of(TestConfigs.CLIENT_ID, "api") + " differs from the original");
    }

    @Test
    void refusesFewerAudiencesThanTheOriginal() {
        JWTClaimsSet original = claims(LOGIN).audience(List.of(TestConfigs.CLIENT_ID, "api"))
                .claim("azp", TestConfigs.CLIENT_ID).claim("auth_time", LOGIN.getEpochSecond()).build();
        assertThatThrownBy(() -> validator().validateRefreshed(
                rs256(refreshed().claim("azp", TestConfigs.CLIENT_ID).build()), original))
                .isInstanceOf(TokenValidationException.class).hasMessageContaining("aud [my-client] differs");
    }

    @Test
    void acceptsTheOriginalAudiencesInAnotherOrder() {
        JWTClaimsSet original = claims(LOGIN).audience(List.of(TestConfigs.CLIENT_ID, "api"))
                .claim("azp", TestConfigs.CLIENT_ID).claim("auth_time", LOGIN.getEpochSecond()).build();
        JWTClaimsSet reordered = refreshed().audience(List.of("api", TestConfigs.CLIENT_ID))
                .claim("azp", TestConfigs.CLIENT_ID).build();
        assertThat(validator().validateRefreshed(rs256(reordered), original)).isNotNull();
    }

    @Test
    void refusesAMissingIat() {
        assertRefused(refreshed().issueTime(null).build(), "iat is missing");
    }

    @Test
    void refusesAnIatInTheFutureBeyondTheClockSkew() {
        assertRefused(refreshed().issueTime(Date.from(NOW.plusSeconds(120))).build(), "is in the future");
    }

    @Test
    void acceptsAnIatInTheFutureWithinTheClockSkew() {
        assertThat(validator().validateRefreshed(rs256(refreshed().issueTime(Date.from(NOW.plusSeconds(30))).build()),
                ORIGINAL)).isNotNull();
    }

    @Test
    void refusesAnIatBeforeTheOriginalIdToken() {
        assertRefused(refreshed().issueTime(Date.from(LOGIN.minusSeconds(1))).build(),
                "is before the original ID token's");
    }

    @Test
    void refusesAnAzpTheOriginalDidNotHave() {
        assertRefused(refreshed().claim("azp", TestConfigs.CLIENT_ID).build(), "azp");
    }

    @Test
    void refusesANewAuthTime() {
        assertRefused(refreshed().claim("auth_time", NOW.getEpochSecond()).build(), "auth_time");
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused(refreshed().expirationTime(java.util.Date.from(NOW.minusSeconds(600))).build(), "rule 9");
    }
}
