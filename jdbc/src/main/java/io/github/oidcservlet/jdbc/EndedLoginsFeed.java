package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.internal.store.InMemoryEndedLogins;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps this node's view of the ended logins current, on one thread and one dedicated connection: LISTEN, then
 * read the rows recorded since the last read whenever a NOTIFY arrives (and every {@link #SAFETY_POLL} anyway); or,
 * with notifications off or unavailable, read them every poll interval. A broken connection is opened again, the
 * tables are created when absent, and the rows missed meanwhile are read.
 */
final class EndedLoginsFeed implements Runnable {

    private static final System.Logger LOG = System.getLogger(EndedLoginsFeed.class.getName());
    /** Rows are read again this far back: a row's recorded_at is taken a moment before its insert commits. */
    static final long OVERLAP_MILLIS = 5_000;
    /** With LISTEN, a read anyway this often: a silently dead connection is found out. */
    static final Duration SAFETY_POLL = Duration.ofSeconds(30);
    /** How long one wait for notifications lasts: the thread notices {@link #close()} within it. */
    private static final int WAIT_MILLIS = 1_000;

    private final Database database;
    private final Schema schema;
    private final String issuer;
    private final InMemoryEndedLogins view;
    private final boolean notify;
    private final long pollMillis;
    private final Object wakeUp = new Object();
    private volatile boolean closed;
    private volatile Connection current;
    // -1: nothing read yet
    private long cursor = -1;
    private boolean pollingLogged;

    EndedLoginsFeed(Database database, Schema schema, String issuer, InMemoryEndedLogins view, boolean notify,
                    Duration pollInterval) {
        this.database = database;
        this.schema = schema;
        this.issuer = issuer;
        this.view = view;
        this.notify = notify;
        this.pollMillis = pollInterval.toMillis();
    }

    @Override
    public void run() {
        while (!closed) {
            Connection connection = null;
            try {
                connection = database.connections().dedicated();
                current = connection;
                listen(connection);
            } catch (SQLException e) {
                if (!closed) {
                    database.down(e);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Reading ended logins failed; trying again", e);
            } finally {
                current = null;
                Connections.closeQuietly(connection);
            }
            pause(pollMillis);
        }
    }

    private void listen(Connection connection) throws SQLException {
        schema.create(connection, database);
        Optional<PgNotifications> notifications = notify ? PgNotifications.of(connection) : Optional.empty();
        if (notify && notifications.isEmpty() && !pollingLogged) {
            pollingLogged = true;
            LOG.log(System.Logger.Level.INFO, "The JDBC driver offers no PostgreSQL notifications; ended logins "
                    + "are polled every " + pollMillis + " ms instead");
        }
        if (notifications.isPresent()) {
            execute(connection, "LISTEN " + schema.channel);
        }
        try {
            readNew(connection);
            database.up();
            follow(connection, notifications);
        } finally {
            if (notifications.isPresent()) {
                unlisten(connection);
            }
        }
    }

    /** A container's pool hands this connection to others next: it must not go on collecting our NOTIFYs. */
    private void unlisten(Connection connection) {
        try {
            if (!connection.isClosed()) {
                execute(connection, "UNLISTEN " + schema.channel);
            }
        } catch (SQLException e) {
            // a broken connection listens no more either
        }
    }

    private void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(Database.QUERY_TIMEOUT_SECONDS);
            database.counted();
            statement.execute(sql);
        }
    }

    private void follow(Connection connection, Optional<PgNotifications> notifications) throws SQLException {
        long lastRead = System.nanoTime();
        while (!closed) {
            boolean due;
            if (notifications.isPresent()) {
                due = notifications.get().await(WAIT_MILLIS)
                        || System.nanoTime() - lastRead > SAFETY_POLL.toNanos();
            } else {
                pause(pollMillis);
                due = true;
            }
            if (due && !closed) {
                readNew(connection);
                lastRead = System.nanoTime();
            }
        }
    }

    /** Reads the rows recorded since the last read (the first read reads them all) into the view. */
    void readNew(Connection connection) throws SQLException {
        long from = cursor < 0 ? Long.MIN_VALUE : cursor - OVERLAP_MILLIS;
        long newest = database.query(connection, "SELECT kind, id, logout_iat, received_at, recorded_at FROM "
                + schema.endedLogins + " WHERE issuer = ? AND recorded_at > ?", rows -> {
            long max = cursor;
            while (rows.next()) {
                String id = rows.getString(2);
                boolean sid = JdbcSessionIndex.SID.equals(rows.getString(1));
                view.end(sid ? id : null, sid ? null : id, rows.getLong(3), rows.getLong(4));
                max = Math.max(max, rows.getLong(5));
            }
            return max;
        }, issuer, from);
        cursor = Math.max(cursor, newest);
    }

    private void pause(long millis) {
        synchronized (wakeUp) {
            if (!closed) {
                try {
                    wakeUp.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    /**
     * Stops the thread: it wakes, or notices within a second of waiting for notifications, and hands its connection
     * back after UNLISTEN.
     */
    void close() {
        closed = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** For a thread that did not stop (stuck on a database that does not answer): closes its connection under it. */
    void abort() {
        Connections.closeQuietly(current);
    }
}
