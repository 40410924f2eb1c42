package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** store-datasource: the container's DataSource by its JNDI name, as written or under java:comp/env/. */
class JndiDataSourceIT {

    /** What a container's naming holds, for {@link Naming}. */
    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();
    private static TestPostgres postgres;
    private static String previousFactory;

    /** A naming context that only looks up {@link #BOUND}. */
    public static final class Naming implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && args[0] instanceof String name) {
                            Object found = BOUND.get(name);
                            if (found == null) {
                                throw new NameNotFoundException(name);
                            }
                            return found;
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @BeforeAll
    static void start() {
        postgres = TestPostgres.start();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.jdbcUrl());
        dataSource.setUser(postgres.user());
        BOUND.put("java:comp/env/jdbc/oidc", dataSource);
        previousFactory = System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Naming.class.getName());
    }

    @AfterAll
    static void stop() {
        if (previousFactory == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousFactory);
        }
        postgres.close();
    }

    @Test
    void aPlainJndiNameIsFoundUnderJavaCompEnvAndItsConnectionsServeTheStores() {
        String prefix = Nodes.freshPrefix();
        try (JdbcStores a = Nodes.node(Nodes.config(postgres, "store-jdbc-url", null, "store-jdbc-user", null,
                "store-datasource", "jdbc/oidc", "store-table-prefix", prefix));
             JdbcStores b = Nodes.node(Nodes.config(postgres, "store-jdbc-url", null, "store-jdbc-user", null,
                     "store-datasource", "java:comp/env/jdbc/oidc", "store-table-prefix", prefix))) {
            long now = System.currentTimeMillis();
            assertThat(a.jtiReplayCache().firstSighting("jti-1", now)).isTrue();
            assertThat(b.jtiReplayCache().firstSighting("jti-1", now)).isFalse();
        }
    }
}
