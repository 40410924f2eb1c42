package io.github.oidcservlet.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What Jetty's JDBC session data store holds in PostgreSQL for a browser's session (table {@code jettysessions}). */
final class JettySessionRows {

    private JettySessionRows() {
    }

    /** {@return the browser's session id (its {@code JSESSIONID} cookie)} */
    static String sessionId(TestBrowser browser) {
        return browser.cookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID")).findFirst()
                .orElseThrow().getValue();
    }

    /** {@return Jetty's {@code lastsavedtime} of the session's row, which must exist} */
    static long lastSaved(TestPostgres postgres, String sessionId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT lastsavedtime FROM jettysessions WHERE sessionid = ?")) {
            query.setString(1, sessionId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("session %s in the database", sessionId).isTrue();
                return row.getLong(1);
            }
        }
    }
}
