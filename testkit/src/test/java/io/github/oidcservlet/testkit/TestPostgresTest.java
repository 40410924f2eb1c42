package io.github.oidcservlet.testkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real PostgreSQL started by the test itself, as root (through the service user) or as an ordinary user. */
class TestPostgresTest {

    @Test
    void startsARealServerThatTakesWritesAndIsGoneAfterClose() throws SQLException {
        String url;
        try (TestPostgres postgres = TestPostgres.start()) {
            url = postgres.jdbcUrl();
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:");
            try (Connection connection = DriverManager.getConnection(url, postgres.user(), null);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (v text)");
                statement.execute("INSERT INTO t VALUES ('written')");
                try (ResultSet rows = statement.executeQuery("SELECT v, current_user FROM t")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("written");
                    assertThat(rows.getString(2)).isEqualTo("postgres");
                }
            }
            assertThat(postgres.log()).contains("database system is ready to accept connections");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null)).isInstanceOf(SQLException.class);
    }

    @Test
    void findsTheMachinesServerBinaries() {
        Path bin = TestPostgres.findBinaries().orElseThrow();
        assertThat(Files.isExecutable(bin.resolve("initdb"))).isTrue();
    }
}
