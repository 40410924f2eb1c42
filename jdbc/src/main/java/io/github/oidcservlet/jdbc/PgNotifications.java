package io.github.oidcservlet.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Waits for NOTIFY on a pgjdbc connection without a compile-time dependency on the driver (users bring theirs):
 * {@code PGConnection.getNotifications(int timeoutMillis)} found by reflection through
 * {@link Connection#unwrap}. Absent (another driver, a pool that does not unwrap), the store polls instead.
 */
final class PgNotifications {

    private static final String PG_CONNECTION = "org.postgresql.PGConnection";

    private final Object pgConnection;
    private final Method getNotifications;

    private PgNotifications(Object pgConnection, Method getNotifications) {
        this.pgConnection = pgConnection;
        this.getNotifications = getNotifications;
    }

    /** @return the notifications of {@code connection}, or empty when it is no pgjdbc connection */
    static Optional<PgNotifications> of(Connection connection) {
        // a container's wrapper may come from a loader that does not see the driver: ask the application's too
        for (ClassLoader loader : new ClassLoader[] {connection.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), PgNotifications.class.getClassLoader()}) {
            try {
                Class<?> type = Class.forName(PG_CONNECTION, false, loader);
                if (connection.isWrapperFor(type)) {
                    return Optional.of(new PgNotifications(connection.unwrap(type),
                            type.getMethod("getNotifications", int.class)));
                }
            } catch (ClassNotFoundException | NoSuchMethodException | SQLException | LinkageError e) {
                // not this loader's driver
            }
        }
        return Optional.empty();
    }

    /**
     * Blocks until notifications arrive or {@code timeoutMillis} passes.
     *
     * @return whether any arrived
     * @throws SQLException when the connection broke
     */
    boolean await(int timeoutMillis) throws SQLException {
        try {
            Object[] notifications = (Object[]) getNotifications.invoke(pgConnection, timeoutMillis);
            return notifications != null && notifications.length > 0;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("waiting for notifications failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("PGConnection.getNotifications is not accessible", e);
        }
    }
}
