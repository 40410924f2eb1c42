package io.github.oidcservlet.jdbc;

import java.sql.SQLException;
import java.sql.Types;

/**
 * The statements on the refresh claims table: claim (or take over a claim that ran out), read, publish the
 * outcome, delete. A row is keyed by login id and token generation, so every copy of one login competes for the
 * same row, and a refreshed login (a new generation) for a new one.
 */
final class RefreshClaims {

    static final String REFRESHED = "refreshed";
    static final String ENDED = "ended";
    static final String UNAVAILABLE = "unavailable";
    private static final int MAX_DETAIL = 1000;

    /** A claim as read: {@code outcome} null while its owner runs the refresh. */
    record Claim(String owner, long expiresAt, String outcome, String detail, byte[] session) {
    }

    private final Database database;
    private final Schema schema;
    private final long lingerMillis;

    RefreshClaims(Database database, Schema schema, long lingerMillis) {
        this.database = database;
        this.schema = schema;
        this.lingerMillis = lingerMillis;
    }

    /**
     * Claims the refresh for {@code owner} until {@code expiresAt}: inserts the row, or takes it over when its
     * owner let it run out unfinished (a node died mid-refresh) or its outcome is older than the linger.
     *
     * @return whether {@code owner} holds the claim now
     */
    boolean claim(String loginId, String generation, String owner, long now, long expiresAt) throws SQLException {
        return database.run(connection -> database.update(connection, "INSERT INTO " + schema.refreshClaims
                + " AS c (login_id, generation, owner, expires_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (login_id, generation) DO UPDATE SET owner = EXCLUDED.owner, "
                + "expires_at = EXCLUDED.expires_at, outcome = NULL, detail = NULL, session = NULL, done_at = NULL "
                + "WHERE c.outcome IS NULL AND c.expires_at < ? OR c.done_at < ?",
                loginId, generation, owner, expiresAt, now, now - lingerMillis)) == 1;
    }

    /** @return the claim, or null when there is none (it was deleted in between) */
    Claim read(String loginId, String generation) throws SQLException {
        return database.run(connection -> database.query(connection, "SELECT owner, expires_at, outcome, detail, "
                + "session FROM " + schema.refreshClaims + " WHERE login_id = ? AND generation = ?",
                rows -> rows.next() ? new Claim(rows.getString(1), rows.getLong(2), rows.getString(3),
                        rows.getString(4), rows.getBytes(5)) : null, loginId, generation));
    }

    /** Stores the outcome of the claim {@code owner} holds. */
    void publish(String loginId, String generation, String owner, String outcome, String detail, byte[] session,
                 long now) throws SQLException {
        String shortDetail = detail == null || detail.length() <= MAX_DETAIL ? detail
                : detail.substring(0, MAX_DETAIL);
        database.run(connection -> database.update(connection, "UPDATE " + schema.refreshClaims
                + " SET outcome = ?, detail = ?, session = ?, done_at = ? "
                + "WHERE login_id = ? AND generation = ? AND owner = ?",
                outcome, shortDetail, new Typed(session, Types.BINARY), now, loginId, generation, owner));
    }

    /** Deletes the claim {@code owner} holds (after the linger: the row may hold tokens). */
    void delete(String loginId, String generation, String owner) throws SQLException {
        database.run(connection -> database.update(connection, "DELETE FROM " + schema.refreshClaims
                + " WHERE login_id = ? AND generation = ? AND owner = ?", loginId, generation, owner));
    }

    /** Deletes every claim past its linger or run out: the rows a node that stopped did not delete itself. */
    int purge(long now) throws SQLException {
        return database.run(connection -> database.update(connection, "DELETE FROM " + schema.refreshClaims
                + " WHERE done_at < ? OR done_at IS NULL AND expires_at < ?", now - lingerMillis, now));
    }

    /** A parameter with its SQL type (a null BYTEA must be bound as binary, not as an untyped null). */
    record Typed(Object value, int sqlType) {
    }
}
