package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.store.Stores;
import io.github.oidcservlet.testkit.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores over a DataSource the application passes in code; the LISTEN connection goes back to such a pool only
 * after UNLISTEN, so the next borrower does not collect our notifications.
 */
class GivenDataSourceIT {

    @Test
    void theListenConnectionIsHandedBackUnlistened() {
        try (TestPostgres postgres = TestPostgres.start()) {
            PGSimpleDataSource real = new PGSimpleDataSource();
            real.setUrl(postgres.jdbcUrl());
            real.setUser(postgres.user());
            List<String> executed = new CopyOnWriteArrayList<>();
            DataSource recording = recording(real, executed);
            String prefix = Nodes.freshPrefix();
            Stores stores = JdbcStoreProvider.create(Nodes.context(Nodes.config(postgres, "store-jdbc-url", null,
                    "store-jdbc-user", null, "store-table-prefix", prefix), Clock.systemUTC(), Duration.ofSeconds(5),
                    Duration.ofSeconds(2)), recording);
            long now = System.currentTimeMillis();
            assertThat(stores.jtiReplayCache().firstSighting("jti-1", now)).isTrue();
            assertThat(Nodes.millisUntil(() -> executed.contains("LISTEN " + prefix + "ended_logins"),
                    Duration.ofSeconds(10))).isNotNegative();
            stores.close();
            assertThat(executed).contains("UNLISTEN " + prefix + "ended_logins");
        }
    }

    /** A DataSource whose connections record what their plain statements execute. */
    private static DataSource recording(DataSource real, List<String> executed) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    return result instanceof Connection connection ? recording(connection, executed) : result;
                });
    }

    private static Connection recording(Connection real, List<String> executed) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                        return Proxy.newProxyInstance(Statement.class.getClassLoader(),
                                new Class<?>[] {Statement.class}, (p, m, a) -> {
                                    if (m.getName().equals("execute") && a != null && a[0] instanceof String sql) {
                                        executed.add(sql);
                                    }
                                    return invoke(m, statement, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
