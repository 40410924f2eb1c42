package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshOutcome;
import io.github.oidcservlet.testkit.TestPostgres;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §4: a database that is down never takes logins down. Logins and refreshes go on; a back-channel logout
 * that cannot be recorded answers 503 (the provider retries) and is recorded by the retry once the database is
 * back; the outage and the recovery are logged once each per node.
 */
class DatabaseOutageIT {

    private static TestProvider provider;

    @BeforeAll
    static void start() {
        provider = TestProvider.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    /** The lines the store logs about the database, kept. */
    private static final class DatabaseLog extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger(Database.class.getName());
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        DatabaseLog() {
            logger.addHandler(this);
        }

        long count(String text) {
            synchronized (lines) {
                return lines.stream().filter(line -> line.contains(text)).count();
            }
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }

    @Test
    void withTheDatabaseCutLoginsAndRefreshesGoOnLogoutsAnswer503AndTheRetryIsRecordedOnceItIsBack() {
        provider.reset();
        try (TestPostgres postgres = TestPostgres.start();
             CuttableProxy database = new CuttableProxy(postgres.port());
             DatabaseLog log = new DatabaseLog()) {
            String prefix = Nodes.freshPrefix();
            try (OidcEngine a = EngineNodes.node(provider, database.jdbcUrl(), prefix);
                 OidcEngine b = EngineNodes.node(provider, database.jdbcUrl(), prefix)) {
                OidcLogin before = EngineNodes.login(a);

                database.cut();
                OidcLogin login = EngineNodes.login(a);
                assertThat(a.isActive(login)).isTrue();
                assertThat(a.refresh(login)).isInstanceOf(RefreshOutcome.Refreshed.class);
                String token = EngineNodes.logoutToken(provider, login.subject());
                assertThat(a.backchannelLogout(List.of(token)).status()).isEqualTo(503);
                assertThat(a.isActive(login)).as("a logout not recorded ends nothing").isTrue();
                assertThat(Nodes.millisUntil(() -> log.count("Database outage:") == 2, Duration.ofSeconds(10)))
                        .as("each node logs the outage once: " + log.lines).isNotNegative();

                database.restore();
                // the provider retries the same token
                assertThat(Nodes.millisUntil(() -> a.backchannelLogout(List.of(token)).status() == 200,
                        Duration.ofSeconds(20))).isNotNegative();
                assertThat(a.isActive(before)).isFalse();
                assertThat(Nodes.millisUntil(() -> !b.isActive(Nodes.copy(before)), Duration.ofSeconds(10)))
                        .isNotNegative();
                assertThat(Nodes.millisUntil(() -> log.count("Database outage over") == 2, Duration.ofSeconds(10)))
                        .as("each node logs the recovery once: " + log.lines).isNotNegative();
                assertThat(log.count("Database outage:")).isEqualTo(2);
            }
        }
    }

    @Test
    void withTheServerStoppedLoginsAndRefreshesGoOnAndALogoutAnswers503() {
        provider.reset();
        TestPostgres postgres = TestPostgres.start();
        try (OidcEngine a = EngineNodes.node(provider, postgres.jdbcUrl(), Nodes.freshPrefix())) {
            postgres.close();
            OidcLogin login = EngineNodes.login(a);
            assertThat(a.refresh(login)).isInstanceOf(RefreshOutcome.Refreshed.class);
            assertThat(a.backchannelLogout(List.of(EngineNodes.logoutToken(provider, login.subject()))).status())
                    .isEqualTo(503);
        }
    }
}
