package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.store.RefreshCoordination;
import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;
import io.github.oidcservlet.core.store.JtiReplayCache;
import io.github.oidcservlet.core.store.EndedLogins;
import io.github.oidcservlet.core.store.StoreContext;
import io.github.oidcservlet.core.store.Stores;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The stores of one engine on one database: the parts, the thread that follows ended logins, and the thread that
 * purges old rows (every minute) and deletes refresh outcomes after their linger. A database that is down at start
 * does not stop the application: the tables are created and read once it answers.
 */
final class JdbcStores implements Stores {

    private static final System.Logger LOG = System.getLogger(JdbcStores.class.getName());
    static final long PURGE_EVERY_SECONDS = 60;

    private final Database database;
    private final JdbcSessionIndex index;
    private final JdbcJtiReplayCache jtis;
    private final JdbcRefreshCoordination refresh;
    private final EndedLoginsFeed feed;
    private final Thread feedThread;
    private final ScheduledThreadPoolExecutor background;

    JdbcStores(Connections connections, JdbcSettings settings, StoreContext context) {
        this.database = new Database(connections, context.clock()::millis);
        Schema schema = new Schema(settings.tablePrefix());
        String issuer = context.config().issuer();
        InMemoryEndedLogins view = new InMemoryEndedLogins(context.clock()::millis);
        this.index = new JdbcSessionIndex(database, schema, issuer, settings.notifications(), view);
        this.jtis = new JdbcJtiReplayCache(database, schema, issuer, context.jtiTtl().toMillis());
        this.background = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "oidc-jdbc-purge");
            thread.setDaemon(true);
            return thread;
        });
        background.setRemoveOnCancelPolicy(true);
        RefreshClaims claims = new RefreshClaims(database, schema, context.refreshLinger().toMillis());
        this.refresh = new JdbcRefreshCoordination(claims, "node-" + UUID.randomUUID(), context.clock(),
                context.refreshWait(), context.refreshLinger(), background);
        this.feed = new EndedLoginsFeed(database, schema, issuer, view, settings.notifications(),
                settings.pollInterval());
        try {
            // ready before the first request when the database answers; else the feed keeps trying
            database.run(connection -> {
                schema.create(connection, database);
                feed.readNew(connection);
                return null;
            });
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "The store's database does not answer at start; its tables are "
                    + "created and read once it does");
        }
        this.feedThread = new Thread(feed, "oidc-jdbc-feed");
        feedThread.setDaemon(true);
        database.feedRunsOn(feedThread);
        feedThread.start();
        long retention = InMemoryEndedLogins.DEFAULT_RETENTION.toMillis();
        background.scheduleWithFixedDelay(() -> purge(schema, claims, retention, context), PURGE_EVERY_SECONDS,
                PURGE_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    private void purge(Schema schema, RefreshClaims claims, long retentionMillis, StoreContext context) {
        long now = context.clock().millis();
        try {
            database.run(connection -> database.update(connection, "DELETE FROM " + schema.endedLogins
                    + " WHERE recorded_at < " + Schema.DB_NOW + " - ?", retentionMillis)
                    + database.update(connection, "DELETE FROM " + schema.seenJtis + " WHERE expires_at < ?", now));
            claims.purge(now);
        } catch (SQLException e) {
            // an outage, logged once; the next purge catches up
        }
    }

    @Override
    public EndedLogins endedLogins() {
        return index;
    }

    @Override
    public JtiReplayCache jtiReplayCache() {
        return jtis;
    }

    @Override
    public RefreshCoordination refreshCoordination() {
        return refresh;
    }

    /** How many statements requests (and the purge) executed so far on this node. */
    long statementCount() {
        return database.statementCount();
    }

    /** How many statements the thread following ended logins executed so far. */
    long feedStatementCount() {
        return database.feedStatementCount();
    }

    @Override
    public void close() {
        feed.close();
        background.shutdownNow();
        try {
            feedThread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (feedThread.isAlive()) {
            feed.abort();
        }
        database.close();
    }
}
