package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshOutcome;
import io.github.oidcservlet.testkit.TestPostgres;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §1–3 and §8 through the engine: two OidcEngines with store=jdbc on one real PostgreSQL act as two nodes
 * against the testkit provider (refresh tokens rotated, so a second use of one would fail).
 */
class EngineClusterIT {

    private static TestPostgres postgres;
    private static TestProvider provider;

    @BeforeAll
    static void start() {
        postgres = TestPostgres.start();
        provider = TestProvider.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
        postgres.close();
    }

    @BeforeEach
    void rotateRefreshTokens() {
        provider.reset();
        provider.behaviour().rotateRefreshTokens(true);
    }

    private static Database database(OidcEngine engine) {
        return ((JdbcSessionIndex) engine.endedLogins()).database();
    }

    @Test
    void aBackChannelLogoutOnNodeAEndsTheLoginOnNodeBWithinTwoSecondsAndItsReplayToBIsRefused() {
        String prefix = Nodes.freshPrefix();
        try (OidcEngine a = EngineNodes.node(provider, postgres.jdbcUrl(), prefix);
             OidcEngine b = EngineNodes.node(provider, postgres.jdbcUrl(), prefix)) {
            OidcLogin login = EngineNodes.login(a);
            OidcLogin onB = Nodes.copy(login);
            assertThat(b.isActive(onB)).isTrue();

            String token = EngineNodes.logoutToken(provider, login.subject());
            assertThat(a.backchannelLogout(List.of(token)).status()).isEqualTo(200);

            assertThat(a.isActive(login)).isFalse();
            assertThat(Nodes.millisUntil(() -> !b.isActive(onB), Duration.ofSeconds(2))).isNotNegative();
            // §2.6 step 6 across nodes: the same jti posted to the other node is a replay
            assertThat(b.backchannelLogout(List.of(token)).status()).isEqualTo(400);
        }
    }

    @Test
    void twoNodesRefreshingExpiredCopiesOfOneLoginMakeOneGrantAndGetTheSameTokens() throws Exception {
        String prefix = Nodes.freshPrefix();
        Nodes.MovableClock clock = new Nodes.MovableClock(java.time.Instant.now());
        // a grant that takes a while: the other node's requests arrive while it runs
        provider.behaviour().expiresIn(20L).tokenEndpointDelay(Duration.ofMillis(300));
        try (OidcEngine a = EngineNodes.node(provider, postgres.jdbcUrl(), prefix, clock);
             OidcEngine b = EngineNodes.node(provider, postgres.jdbcUrl(), prefix, clock)) {
            OidcLogin login = EngineNodes.login(a);
            clock.advance(Duration.ofSeconds(21));
            assertThat(login.isValid(clock.millis())).isFalse();
            int grantsBefore = provider.count("token");
            ExecutorService requests = Executors.newFixedThreadPool(16);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<RefreshOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    OidcEngine node = i % 2 == 0 ? a : b;
                    OidcLogin copy = Nodes.copy(login);
                    outcomes.add(requests.submit(() -> {
                        go.await();
                        return node.refresh(copy);
                    }));
                }
                go.countDown();
                List<String> tokens = new ArrayList<>();
                for (Future<RefreshOutcome> outcome : outcomes) {
                    assertThat(outcome.get()).isInstanceOf(RefreshOutcome.Refreshed.class);
                    tokens.add(((RefreshOutcome.Refreshed) outcome.get()).session().refreshToken());
                }
                assertThat(provider.count("token") - grantsBefore).as("refresh grants").isEqualTo(1);
                assertThat(tokens).hasSize(16).containsOnly(tokens.get(0)).doesNotContain(login.refreshToken());
            } finally {
                requests.shutdownNow();
            }
        }
    }

    @Test
    void statementsPerLoginRefreshAndLogout() {
        String prefix = Nodes.freshPrefix();
        try (OidcEngine a = EngineNodes.node(provider, postgres.jdbcUrl(), prefix);
             OidcEngine b = EngineNodes.node(provider, postgres.jdbcUrl(), prefix)) {
            Database onA = database(a);
            Database onB = database(b);
            long before = onA.statementCount();
            OidcLogin login = EngineNodes.login(a);
            long perLogin = onA.statementCount() - before;

            before = onA.statementCount();
            assertThat(a.refresh(login)).isInstanceOf(RefreshOutcome.Refreshed.class);
            long perRefresh = onA.statementCount() - before;

            long feedBefore = onB.feedStatementCount();
            before = onA.statementCount();
            assertThat(a.backchannelLogout(List.of(EngineNodes.logoutToken(provider, login.subject()))).status())
                    .isEqualTo(200);
            long perLogout = onA.statementCount() - before;
            assertThat(Nodes.millisUntil(() -> onB.feedStatementCount() > feedBefore, Duration.ofSeconds(2)))
                    .isNotNegative();
            long perLogoutElsewhere = onB.feedStatementCount() - feedBefore;

            System.out.printf("statements: login %d, refresh %d (claim, outcome, delete after the linger), "
                    + "back-channel logout %d on the receiving node + %d on every other node%n", perLogin, perRefresh,
                    perLogout, perLogoutElsewhere);
            assertThat(perLogin).isZero();
            assertThat(perRefresh).isLessThanOrEqualTo(3);
            assertThat(perLogout).isEqualTo(2);
            assertThat(perLogoutElsewhere).isEqualTo(1);
        }
    }
}
