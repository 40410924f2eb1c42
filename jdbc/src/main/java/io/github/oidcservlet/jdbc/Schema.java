package io.github.oidcservlet.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, the one place their DDL is written (README and docs/CLUSTERING.md print it for DBAs who create
 * them by hand, with the default prefix {@code oidc_}). Times are epoch milliseconds in BIGINT columns.
 */
final class Schema {

    /** The database's own clock in epoch milliseconds: one clock for every node's polling cursor and purge. */
    static final String DB_NOW = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

    final String endedLogins;
    final String seenJtis;
    final String refreshClaims;
    /** The NOTIFY channel on which a recorded logout is announced. */
    final String channel;

    Schema(String prefix) {
        this.endedLogins = prefix + "ended_logins";
        this.seenJtis = prefix + "seen_jtis";
        this.refreshClaims = prefix + "refresh_claims";
        this.channel = prefix + "ended_logins";
    }

    /** The DDL, each statement idempotent ({@code IF NOT EXISTS}). */
    List<String> ddl() {
        return List.of(
                // Logins ended by back-channel logout (§2.7): by sid or by sub, per issuer (sid and sub are unique
                // only within one provider). received_at is the receiving node's clock (the same-second tie-break);
                // recorded_at the database's (the polling cursor and the purge).
                "CREATE TABLE IF NOT EXISTS " + endedLogins + " ("
                        + "issuer VARCHAR(2048) NOT NULL, "
                        + "kind VARCHAR(3) NOT NULL, "
                        + "id VARCHAR(1024) NOT NULL, "
                        + "logout_iat BIGINT NOT NULL, "
                        + "received_at BIGINT NOT NULL, "
                        + "recorded_at BIGINT NOT NULL, "
                        + "PRIMARY KEY (issuer, kind, id))",
                "CREATE INDEX IF NOT EXISTS " + endedLogins + "_recorded ON " + endedLogins + " (recorded_at)",
                // Logout-token jtis seen (§2.6 step 6), until expires_at.
                "CREATE TABLE IF NOT EXISTS " + seenJtis + " ("
                        + "issuer VARCHAR(2048) NOT NULL, "
                        + "jti VARCHAR(1024) NOT NULL, "
                        + "expires_at BIGINT NOT NULL, "
                        + "PRIMARY KEY (issuer, jti))",
                // One refresh per login and token generation: the claiming node, until when its claim holds, then
                // the outcome; session holds the refreshed login's serial form (tokens!) and is deleted after the
                // linger.
                "CREATE TABLE IF NOT EXISTS " + refreshClaims + " ("
                        + "login_id VARCHAR(128) NOT NULL, "
                        + "generation VARCHAR(128) NOT NULL, "
                        + "owner VARCHAR(128) NOT NULL, "
                        + "expires_at BIGINT NOT NULL, "
                        + "outcome VARCHAR(16), "
                        + "detail VARCHAR(1024), "
                        + "session BYTEA, "
                        + "done_at BIGINT, "
                        + "PRIMARY KEY (login_id, generation))");
    }

    /** Creates the tables when absent; two nodes starting at once may race, so a lost race is tried again. */
    void create(Connection connection, Database database) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : ddl()) {
                    database.counted();
                    statement.execute(ddl);
                }
                return;
            } catch (SQLException e) {
                // 23505: the other node created the same type/table in between (IF NOT EXISTS is not atomic)
                if (attempt == 3 || !"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
