package io.github.oidcservlet.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Where the store's connections come from: the container's pooled {@link DataSource} (each connection closed, so
 * handed back, after one operation), or, with a JDBC URL, a tiny pool of our own: at most {@code maxOpen}
 * connections in use at once, {@code maxIdle} of them kept open between operations (measured on PostgreSQL 15 on
 * one machine: 15.6 ms per operation when each opens its own connection, 0.1–0.2 ms with reuse). Thread-safe.
 */
abstract class Connections implements AutoCloseable {

    /** @return a connection in auto-commit mode, for one operation */
    abstract Connection borrow() throws SQLException;

    /**
     * Hands a connection back.
     *
     * @param broken whether an operation on it failed: such a connection is closed, never reused
     */
    abstract void release(Connection connection, boolean broken);

    /**
     * @return a connection the caller keeps for itself (the LISTEN connection) and closes; never a pooled one
     */
    abstract Connection dedicated() throws SQLException;

    /** Closes the idle connections: after a failure they are likely all broken (the database restarted). */
    void evictIdle() {
    }

    @Override
    public abstract void close();

    static Connections of(DataSource dataSource) {
        return new Connections() {
            @Override
            Connection borrow() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            void release(Connection connection, boolean broken) {
                closeQuietly(connection);
            }

            @Override
            Connection dedicated() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void close() {
                // the container owns its pool
            }
        };
    }

    /**
     * Connections from the driver that accepts {@code url} ({@link Drivers}), at most {@code maxIdle} of them kept
     * open between operations.
     *
     * @param url      the JDBC URL
     * @param user     the user, or null
     * @param password the password, or null
     * @param maxIdle  how many idle connections are kept
     * @param maxOpen  how many may be in use at once (more operations wait, up to the query timeout)
     */
    static Connections of(String url, String user, String password, int maxIdle, int maxOpen) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new Idle(url, properties, maxIdle, maxOpen);
    }

    /** The idle connections of a JDBC URL, newest first (the most likely still open). */
    private static final class Idle extends Connections {
        private final String url;
        private final Properties properties;
        private final int maxIdle;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private final Semaphore inUse;
        private volatile Driver driver;
        private boolean closed;

        Idle(String url, Properties properties, int maxIdle, int maxOpen) {
            this.url = url;
            this.properties = properties;
            this.maxIdle = maxIdle;
            this.inUse = new Semaphore(maxOpen);
        }

        @Override
        Connection borrow() throws SQLException {
            try {
                if (!inUse.tryAcquire(Database.QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new SQLTransientConnectionException("every connection of the store has been busy for "
                            + Database.QUERY_TIMEOUT_SECONDS + " s", "08001");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted while waiting for a connection", "08001", e);
            }
            synchronized (this) {
                Connection reused = idle.pollFirst();
                if (reused != null) {
                    return reused;
                }
            }
            try {
                return dedicated();
            } catch (SQLException | RuntimeException e) {
                inUse.release();
                throw e;
            }
        }

        @Override
        void release(Connection connection, boolean broken) {
            inUse.release();
            if (broken) {
                evictIdle();
            } else {
                synchronized (this) {
                    if (!closed && idle.size() < maxIdle) {
                        idle.addFirst(connection);
                        return;
                    }
                }
            }
            closeQuietly(connection);
        }

        @Override
        Connection dedicated() throws SQLException {
            Driver found = driver;
            if (found == null) {
                found = Drivers.forUrl(url, Connections.class.getClassLoader());
                driver = found;
            }
            Connection connection = found.connect(url, properties);
            if (connection == null) {
                throw new SQLException("the JDBC driver no longer accepts the store's JDBC URL", "08001");
            }
            return connection;
        }

        @Override
        void evictIdle() {
            Deque<Connection> toClose;
            synchronized (this) {
                toClose = new ArrayDeque<>(idle);
                idle.clear();
            }
            toClose.forEach(Connections::closeQuietly);
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            evictIdle();
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a broken connection may fail too; nothing is lost
        }
    }
}
