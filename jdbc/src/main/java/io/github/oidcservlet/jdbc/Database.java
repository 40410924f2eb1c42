package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.internal.LogText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Runs the store's statements: borrows a connection per operation, counts every statement executed (the figures
 * of docs/CLUSTERING.md), and tells the operator once when the database stops answering and once when it answers
 * again, however many operations meet the outage in between.
 */
final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    /** Seconds a statement may run before the driver cancels it: a request never hangs on a stuck database. */
    static final int QUERY_TIMEOUT_SECONDS = 5;

    /** One operation on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Connections connections;
    private final LongSupplier clock;
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong feedStatements = new AtomicLong();
    // the thread of EndedLoginsFeed: its statements are counted apart from those of requests
    private volatile Thread feed;
    private final AtomicLong downSince = new AtomicLong();

    Database(Connections connections, LongSupplier clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /** Runs {@code work} on a borrowed connection; a failure marks the database down (logged once). */
    <T> T run(Work<T> work) throws SQLException {
        Connection connection = null;
        boolean broken = true;
        try {
            connection = connections.borrow();
            T result = work.on(connection);
            broken = false;
            up();
            return result;
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql) {
                down(sql);
            }
            throw e;
        } finally {
            if (connection != null) {
                connections.release(connection, broken);
            }
        }
    }

    /** A prepared statement with its parameters bound, counted and bounded in time. */
    PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof RefreshClaims.Typed typed) {
                    statement.setObject(i + 1, typed.value(), typed.sqlType());
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        counted();
        return statement;
    }

    /** Executes an update on {@code connection}; returns the row count. */
    int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Executes a query whose rows {@code reader} consumes. */
    <T> T query(Connection connection, String sql, ResultReader<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        }
    }

    /** Reads a result set. */
    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Counts a statement; those run outside {@link #prepare} (LISTEN, DDL) call it themselves. */
    void counted() {
        (Thread.currentThread() == feed ? feedStatements : statements).incrementAndGet();
    }

    /** Names the thread that follows ended logins, whose statements {@link #feedStatementCount()} counts. */
    void feedRunsOn(Thread thread) {
        feed = thread;
    }

    /** How many statements the thread following ended logins executed (one per logout recorded elsewhere). */
    long feedStatementCount() {
        return feedStatements.get();
    }

    Connections connections() {
        return connections;
    }

    /** How many statements requests and the purge executed, for the figures per operation. */
    long statementCount() {
        return statements.get();
    }

    boolean isDown() {
        return downSince.get() != 0;
    }

    void down(SQLException e) {
        if (downSince.compareAndSet(0, Math.max(1, clock.getAsLong()))) {
            connections.evictIdle();
            LOG.log(System.Logger.Level.WARNING, "Database outage: " + LogText.safe(e.getMessage())
                    + " (SQLState " + e.getSQLState() + "); logins and refreshes go on with this node's memory, "
                    + "back-channel logouts answer 503 until it answers again");
        }
    }

    void up() {
        long since = downSince.get();
        if (since != 0 && downSince.compareAndSet(since, 0)) {
            LOG.log(System.Logger.Level.INFO, "Database outage over: it answers again after "
                    + Math.max(0, (clock.getAsLong() - since) / 1000) + " s");
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
