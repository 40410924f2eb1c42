package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.config.TenantIssuers;
import io.github.oidcservlet.core.store.StoreUnavailableException;
import io.github.oidcservlet.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 13 §1–2: ended logins and logout-token ids shared by two nodes on one real PostgreSQL. */
class JdbcSessionIndexIT {

    private static TestPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private static long endOnASeenOnB(String... keyValues) {
        String prefix = Nodes.freshPrefix();
        String[] keys = new String[keyValues.length + 2];
        keys[0] = "store-table-prefix";
        keys[1] = prefix;
        System.arraycopy(keyValues, 0, keys, 2, keyValues.length);
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, keys));
             JdbcStores b = Nodes.node(Nodes.config(postgres, keys))) {
            String sid = UUID.randomUUID().toString();
            OidcLogin onB = Nodes.login("alice", sid);
            assertThat(b.endedLogins().isEmpty()).isTrue();

            a.endedLogins().end(sid, null, System.currentTimeMillis(), System.currentTimeMillis());
            assertThat(a.endedLogins().isEnded(onB)).as("at once on the node that recorded it").isTrue();
            return Nodes.millisUntil(() -> b.endedLogins().isEnded(onB), Duration.ofSeconds(2));
        }
    }

    @Test
    void anEndRecordedOnOneNodeIsSeenOnTheOtherWithinTwoSecondsThroughNotify() {
        assertThat(endOnASeenOnB()).isNotNegative();
    }

    @Test
    void anEndRecordedOnOneNodeIsSeenOnTheOtherWithinTwoSecondsByPollingWithNotifyOff() {
        assertThat(endOnASeenOnB("store-notify", "false", "store-poll-interval", "1")).isNotNegative();
    }

    @Test
    void aNodeStartedLaterReadsTheEndsRecordedBefore() {
        String prefix = Nodes.freshPrefix();
        String sid = UUID.randomUUID().toString();
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix))) {
            a.endedLogins().end(null, "bob", System.currentTimeMillis(), System.currentTimeMillis());
        }
        try (JdbcStores b = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix))) {
            assertThat(b.endedLogins().isEnded(Nodes.login("bob", sid))).isTrue();
            assertThat(b.endedLogins().isEnded(Nodes.login("carol", sid))).isFalse();
        }
    }

    @Test
    void theEndsOfAnotherIssuerEndNoLoginHere() {
        String prefix = Nodes.freshPrefix();
        try (JdbcStores other = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix,
                "issuer", "https://other.example.com"));
             JdbcStores here = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix))) {
            other.endedLogins().end(null, "alice", System.currentTimeMillis(), System.currentTimeMillis());
            try (JdbcStores later = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix))) {
                assertThat(later.endedLogins().isEnded(Nodes.login("alice", "s"))).isFalse();
                assertThat(here.endedLogins().isEmpty()).isTrue();
            }
        }
    }

    /**
     * A multi-tenant issuer (Entra's {@code {tenantid}} template): the logout token validator records keys scoped by
     * the token's own issuer, and another node finds a login under its own {@code iss} only (a {@code sub} is unique
     * within its issuer, OIDC Core §2), without building a copy of the login.
     */
    @Test
    void aTenantsEndReachesTheOtherNodeForThatTenantsLoginsOnly() {
        String template = "https://login.example.com/{tenantid}/v2.0";
        String tenantA = "https://login.example.com/tenant-a/v2.0";
        String tenantB = "https://login.example.com/tenant-b/v2.0";
        String prefix = Nodes.freshPrefix();
        String[] keys = {"store-table-prefix", prefix, "issuer", template,
                "discovery-uri", "https://login.example.com/common/v2.0/.well-known/openid-configuration"};
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, keys));
             JdbcStores b = Nodes.node(Nodes.config(postgres, keys))) {
            OidcLogin aliceOfA = Nodes.login("alice", "s").toBuilder().issuer(tenantA).build();
            OidcLogin aliceOfB = Nodes.login("alice", "s").toBuilder().issuer(tenantB).build();

            a.endedLogins().end(null, TenantIssuers.issuerScoped(tenantA, "alice"), System.currentTimeMillis(),
                    System.currentTimeMillis());

            assertThat(Nodes.millisUntil(() -> b.endedLogins().isEndedScoped(aliceOfA), Duration.ofSeconds(2)))
                    .as("tenant a's alice ends on the other node within 2 s").isNotNegative();
            assertThat(b.endedLogins().isEndedScoped(aliceOfB)).as("tenant b's alice").isFalse();
        }
    }

    @Test
    void theHotPathAsksTheDatabaseNothing() {
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", Nodes.freshPrefix()))) {
            a.endedLogins().end("sid-1", null, System.currentTimeMillis(), System.currentTimeMillis());
            OidcLogin login = Nodes.login("alice", "sid-2");
            long before = a.statementCount();
            for (int i = 0; i < 10_000; i++) {
                assertThat(a.endedLogins().isEmpty() || !a.endedLogins().isEnded(login)).isTrue();
            }
            assertThat(a.statementCount()).isEqualTo(before);
        }
    }

    @Test
    void aLogoutIsOneStatementOnTheReceivingNodeAndItsJtiOneMore() {
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", Nodes.freshPrefix()))) {
            long before = a.statementCount();
            assertThat(a.jtiReplayCache().firstSighting("jti-count", System.currentTimeMillis())).isTrue();
            a.endedLogins().end("sid-1", "alice", System.currentTimeMillis(), System.currentTimeMillis());
            assertThat(a.statementCount() - before).isEqualTo(2);
        }
    }

    @Test
    void withTheDatabaseCutAnEndOrAJtiThatCannotBeRecordedThrowsStoreUnavailableAndEndsNothing() {
        try (CuttableProxy database = new CuttableProxy(postgres.port());
             JdbcStores a = Nodes.node(Nodes.config(postgres, "store-jdbc-url", database.jdbcUrl(),
                     "store-table-prefix", Nodes.freshPrefix()))) {
            database.cut();
            long now = System.currentTimeMillis();
            assertThatThrownBy(() -> a.endedLogins().end("sid-1", null, now, now))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> a.jtiReplayCache().firstSighting("jti-1", now))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(a.endedLogins().isEmpty()).as("a logout answered 503 ends nothing").isTrue();
        }
    }

    @Test
    void aJtiSeenOnOneNodeIsRefusedOnTheOtherAndAcceptedAgainAfterItsTimeToLive() {
        String prefix = Nodes.freshPrefix();
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix));
             JdbcStores b = Nodes.node(Nodes.config(postgres, "store-table-prefix", prefix))) {
            long now = System.currentTimeMillis();
            assertThat(a.jtiReplayCache().firstSighting("jti-1", now)).isTrue();
            assertThat(b.jtiReplayCache().firstSighting("jti-1", now + 1)).isFalse();
            assertThat(a.jtiReplayCache().firstSighting("jti-1", now + 2)).isFalse();
            assertThat(b.jtiReplayCache().firstSighting("jti-2", now)).isTrue();
            // the time to live of the context is 12 minutes
            assertThat(b.jtiReplayCache().firstSighting("jti-1", now + Duration.ofMinutes(13).toMillis())).isTrue();
        }
    }
}
