package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.store.EndedLogins;
import io.github.oidcservlet.core.store.StoreUnavailableException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ended logins of the whole cluster. A logout is written to the table (and announced by NOTIFY in the same
 * statement) before it is acknowledged; every node keeps the table in an {@link InMemoryEndedLogins} of its own,
 * which {@link EndedLoginsFeed} keeps current, so the hot path ({@link #isEmpty}, {@link #isEnded}) never touches
 * the database: a field read, then a map lookup. Thread-safe.
 */
final class JdbcSessionIndex implements EndedLogins {

    static final String SID = "sid";
    static final String SUB = "sub";

    private final Database database;
    private final Schema schema;
    private final String issuer;
    private final boolean notify;
    private final InMemoryEndedLogins view;

    JdbcSessionIndex(Database database, Schema schema, String issuer, boolean notify, InMemoryEndedLogins view) {
        this.database = database;
        this.schema = schema;
        this.issuer = issuer;
        this.notify = notify;
        this.view = view;
    }

    /** The nodes learn it from the table; this node at once. Not recorded in the table: 503, and no local end. */
    @Override
    public void end(String sid, String sub, long issuedAtMillis, long receivedAtMillis) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (String[] kindAndId : new String[][] {{SID, sid}, {SUB, sub}}) {
            if (kindAndId[1] != null) {
                rows.append(rows.length() == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ").append(Schema.DB_NOW)
                        .append(')');
                parameters.addAll(List.of(issuer, kindAndId[0], kindAndId[1], issuedAtMillis, receivedAtMillis));
            }
        }
        // a later logout of the same sid or sub replaces an earlier one (the later iat ends more logins)
        String upsert = "INSERT INTO " + schema.endedLogins + " AS e (issuer, kind, id, logout_iat, received_at, "
                + "recorded_at) VALUES " + rows + " ON CONFLICT (issuer, kind, id) DO UPDATE SET "
                + "logout_iat = EXCLUDED.logout_iat, received_at = EXCLUDED.received_at, "
                + "recorded_at = EXCLUDED.recorded_at "
                + "WHERE (EXCLUDED.logout_iat, EXCLUDED.received_at) > (e.logout_iat, e.received_at)";
        try {
            database.run(connection -> {
                if (notify) {
                    // one statement, one round trip: the NOTIFY is delivered when the insert commits
                    parameters.add(schema.channel);
                    return database.query(connection, "WITH ended AS (" + upsert + " RETURNING 1) "
                            + "SELECT pg_notify(?, '') FROM (SELECT 1 FROM ended LIMIT 1) AS changed",
                            results -> null, parameters.toArray());
                }
                return database.update(connection, upsert, parameters.toArray());
            });
        } catch (SQLException e) {
            throw new StoreUnavailableException("the logout could not be recorded in the database", e);
        }
        view.end(sid, sub, issuedAtMillis, receivedAtMillis);
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public boolean isEnded(OidcLogin session) {
        return view.isEnded(session);
    }

    /** The rows hold the scoped ids, which the view keeps under their issuer: no copy of the login is built. */
    @Override
    public boolean isEndedScoped(OidcLogin session) {
        return view.isEndedScoped(session);
    }

    /** The statements this node's stores ran, for the figures per operation. */
    Database database() {
        return database;
    }

    @Override
    public String toString() {
        return "JdbcSessionIndex[" + schema.endedLogins + ", " + view + "]";
    }
}
