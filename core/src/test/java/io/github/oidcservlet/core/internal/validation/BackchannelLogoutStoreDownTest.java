package io.github.oidcservlet.core.internal.validation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.internal.logout.BackchannelLogout;
import io.github.oidcservlet.core.internal.logout.BackchannelLogoutResult;
import io.github.oidcservlet.core.internal.provider.ProviderMetadata;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.store.InMemoryJtiReplayCache;
import io.github.oidcservlet.core.store.JtiReplayCache;
import io.github.oidcservlet.core.store.EndedLogins;
import io.github.oidcservlet.core.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §4: a back-channel logout that the store cannot record answers 503 (the provider retries), never 200, and
 * the retry of the same token is then accepted, not refused as a replay.
 */
class BackchannelLogoutStoreDownTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A session index whose database is down until {@code up} is set. */
    private static final class FlakyIndex implements EndedLogins {
        boolean up;
        int ended;

        @Override
        public void end(String sid, String sub, long issuedAtMillis, long receivedAtMillis) {
            if (!up) {
                throw new StoreUnavailableException("database down", new SQLException("connection refused"));
            }
            ended++;
        }

        @Override
        public boolean isEmpty() {
            return ended == 0;
        }

        @Override
        public boolean isEnded(OidcLogin session) {
            return ended > 0;
        }
    }

    private static BackchannelLogout logout(EndedLogins index, JtiReplayCache jtis) {
        URI base = URI.create(TestConfigs.ISSUER);
        ProviderMetadata metadata = new ProviderMetadata(TestConfigs.ISSUER, base.resolve("/authorize"),
                base.resolve("/token"), null, base.resolve("/jwks"), null, null, List.of("RS256"), List.of(), false);
        LogoutTokenValidator validator = new LogoutTokenValidator(TestConfigs.valid(), metadata, IdTokens::jwks, CLOCK,
                BackchannelLogout.MAX_TOKEN_AGE);
        return new BackchannelLogout(() -> validator, index, jtis, CLOCK);
    }

    private static String token() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestConfigs.ISSUER).audience(TestConfigs.CLIENT_ID)
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(120))).jwtID("jti-1")
                .subject("alice").claim("sid", "sid-1")
                .claim("events", Map.of(LogoutTokenValidator.BACKCHANNEL_LOGOUT_EVENT, Map.of())).build();
        return IdTokens.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(IdTokens.RSA.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims, IdTokens.RSA);
    }

    @Test
    void aLogoutTheIndexCannotRecordAnswers503AndItsRetryIsRecordedOnceTheStoreIsBack() {
        FlakyIndex index = new FlakyIndex();
        InMemoryJtiReplayCache seen = new InMemoryJtiReplayCache(600_000, 100);
        JtiReplayCache forgetting = new JtiReplayCache() {
            final java.util.Set<String> forgotten = new java.util.HashSet<>();

            @Override
            public boolean firstSighting(String jti, long nowMillis) {
                return forgotten.remove(jti) || seen.firstSighting(jti, nowMillis);
            }

            @Override
            public void forget(String jti) {
                forgotten.add(jti);
            }
        };
        BackchannelLogout logout = logout(index, forgetting);
        String token = token();

        BackchannelLogoutResult down = logout.handle(List.of(token));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.error()).isEqualTo("temporarily_unavailable");

        index.up = true;
        assertThat(logout.handle(List.of(token)).status()).isEqualTo(200);
        assertThat(index.ended).isEqualTo(1);
        // and then it is a replay like any other
        assertThat(logout.handle(List.of(token)).status()).isEqualTo(400);
    }

    @Test
    void aJtiCacheThatCannotBeAskedAnswers503() {
        FlakyIndex index = new FlakyIndex();
        index.up = true;
        BackchannelLogout logout = logout(index, (jti, now) -> {
            throw new StoreUnavailableException("database down", new SQLException("connection refused"));
        });

        assertThat(logout.handle(List.of(token())).status()).isEqualTo(503);
        assertThat(index.ended).isZero();
    }
}
