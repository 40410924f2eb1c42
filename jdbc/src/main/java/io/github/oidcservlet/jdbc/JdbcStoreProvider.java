package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.store.StoreContext;
import io.github.oidcservlet.core.store.StoreProvider;
import io.github.oidcservlet.core.store.Stores;

import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * {@code store=jdbc}: the shared state of a cluster in PostgreSQL tables (see docs/CLUSTERING.md). Connections come
 * from the container's DataSource ({@code store-datasource}, a JNDI name) or from a JDBC URL
 * ({@code store-jdbc-url}, {@code store-jdbc-user}, {@code store-jdbc-password}); the application brings the
 * driver. Found by {@link java.util.ServiceLoader}.
 */
public final class JdbcStoreProvider implements StoreProvider {

    /** The value of {@code store} that chooses this store. */
    public static final String NAME = "jdbc";
    /** Connections kept open between operations with a JDBC URL (a container DataSource pools on its own). */
    static final int MAX_IDLE_CONNECTIONS = 4;
    /** Connections in use at once with a JDBC URL: well below PostgreSQL's default max_connections of 100. */
    static final int MAX_OPEN_CONNECTIONS = 16;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stores create(StoreContext context) {
        JdbcSettings settings = JdbcSettings.read(context);
        Connections connections = settings.dataSource() != null
                ? Connections.of(lookup(settings.dataSource(), context))
                : Connections.of(settings.url(), settings.user(), settings.password(), MAX_IDLE_CONNECTIONS,
                        MAX_OPEN_CONNECTIONS);
        return new JdbcStores(connections, settings, context);
    }

    /**
     * The stores over a DataSource the application made itself (when it builds the {@code OidcEngine} in code);
     * the {@code store-*} keys other than the connection's still apply.
     *
     * @param context    the engine's settings and bounds
     * @param dataSource where connections come from; not closed by the stores
     * @return the stores, closed with the engine
     */
    public static Stores create(StoreContext context, DataSource dataSource) {
        return new JdbcStores(Connections.of(dataSource), JdbcSettings.read(context, true), context);
    }

    /** The JNDI name as written, then, for a plain name such as {@code jdbc/oidc}, under {@code java:comp/env/}. */
    private static DataSource lookup(String name, StoreContext context) {
        String problem;
        try {
            InitialContext naming = new InitialContext();
            Object found;
            try {
                found = naming.lookup(name);
            } catch (NamingException notThere) {
                if (name.startsWith("java:")) {
                    throw notThere;
                }
                found = naming.lookup("java:comp/env/" + name);
            }
            if (found instanceof DataSource dataSource) {
                return dataSource;
            }
            problem = "names a " + (found == null ? "null" : found.getClass().getName())
                    + ", not a javax.sql.DataSource";
        } catch (NamingException e) {
            problem = "names '" + name + "', which JNDI cannot find (" + e.getMessage() + "); define the DataSource "
                    + "in the container or use store-jdbc-url";
        }
        throw new OidcConfigException(List.of(context.describe(JdbcSettings.DATASOURCE) + " " + problem));
    }
}
