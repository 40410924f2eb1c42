package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.store.JtiReplayCache;
import io.github.oidcservlet.core.store.StoreUnavailableException;

import java.sql.SQLException;

/**
 * The logout-token {@code jti}s seen by any node (OpenID Back-Channel Logout 1.0 §2.6 step 6), one row each: the
 * primary key makes the check and the record one atomic statement, so a token replayed to another node, even at
 * the same moment, is refused. A row whose time to live has passed is taken over by the next sighting.
 */
final class JdbcJtiReplayCache implements JtiReplayCache {

    private final Database database;
    private final Schema schema;
    private final String issuer;
    private final long ttlMillis;

    JdbcJtiReplayCache(Database database, Schema schema, String issuer, long ttlMillis) {
        this.database = database;
        this.schema = schema;
        this.issuer = issuer;
        this.ttlMillis = ttlMillis;
    }

    @Override
    public boolean firstSighting(String jti, long nowMillis) {
        try {
            // §2.6 step 6: "verify that another Logout Token with the same jti value has not been recently
            // received": no row inserted or updated means a live row holds it.
            int inserted = database.run(connection -> database.update(connection, "INSERT INTO " + schema.seenJtis
                    + " AS s (issuer, jti, expires_at) VALUES (?, ?, ?) ON CONFLICT (issuer, jti) DO UPDATE SET "
                    + "expires_at = EXCLUDED.expires_at WHERE s.expires_at < ?",
                    issuer, jti, nowMillis + ttlMillis, nowMillis));
            return inserted == 1;
        } catch (SQLException e) {
            throw new StoreUnavailableException("the logout token's jti could not be checked in the database", e);
        }
    }

    @Override
    public void forget(String jti) {
        try {
            database.run(connection -> database.update(connection, "DELETE FROM " + schema.seenJtis
                    + " WHERE issuer = ? AND jti = ?", issuer, jti));
        } catch (SQLException e) {
            // best effort: the database that refused the logout is likely down for this too (docs/CLUSTERING.md)
        }
    }
}
