package io.github.oidcservlet.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where the store's connections come from: the container's pooled {@link DataSource} (each connection closed, so
 * handed back, after one operation), or, with a JDBC URL, a few idle connections of our own kept for reuse (opening
 * one costs a TCP and authentication round trip per operation). Thread-safe.
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
     * Connections from {@link DriverManager}, at most {@code maxIdle} of them kept open between operations.
     *
     * @param url      the JDBC URL
     * @param user     the user, or null
     * @param password the password, or null
     * @param maxIdle  how many idle connections are kept
     */
    static Connections of(String url, String user, String password, int maxIdle) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new Idle(url, properties, maxIdle);
    }

    /** The idle connections of a JDBC URL, newest first (the most likely still open). */
    private static final class Idle extends Connections {
        private final String url;
        private final Properties properties;
        private final int maxIdle;
        private final Deque<Connection> idle = new ArrayDeque<>();
        private boolean closed;

        Idle(String url, Properties properties, int maxIdle) {
            this.url = url;
            this.properties = properties;
            this.maxIdle = maxIdle;
        }

        @Override
        Connection borrow() throws SQLException {
            synchronized (this) {
                Connection reused = idle.pollFirst();
                if (reused != null) {
                    return reused;
                }
            }
            return dedicated();
        }

        @Override
        void release(Connection connection, boolean broken) {
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
            return DriverManager.getConnection(url, properties);
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
