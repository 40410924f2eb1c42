package io.github.oidcservlet.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the JDBC driver for {@code store-jdbc-url}: the one {@link DriverManager} knows, else one the store's own
 * class loader (or the thread's) offers as a {@code java.sql.Driver} service. A driver in a WAR's
 * {@code WEB-INF/lib} is often unknown to {@code DriverManager}: it registers the services it finds once, through
 * the class loader of the moment of its first use, which in a container is the server's (GlassFish 7 answered
 * "No suitable driver found" to the store's first connection though pgjdbc was beside it).
 */
final class Drivers {

    private static final int MAX_PROVIDERS = 64;

    private Drivers() {
    }

    /**
     * @param url          the JDBC URL
     * @param storesLoader the class loader of the store, which sees the application's libraries
     * @return a driver that accepts {@code url}
     * @throws SQLException when none does (SQLState 08001, as {@code DriverManager}'s own refusal)
     */
    static Driver forUrl(String url, ClassLoader storesLoader) throws SQLException {
        try {
            return DriverManager.getDriver(url);
        } catch (SQLException unknownToDriverManager) {
            Set<ClassLoader> loaders = new LinkedHashSet<>();
            loaders.add(storesLoader);
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                loaders.add(context);
            }
            for (ClassLoader loader : loaders) {
                Driver driver = accepting(url, loader);
                if (driver != null) {
                    return driver;
                }
            }
            // no URL in the message: a user may have put the password in it
            throw new SQLException("no JDBC driver accepts the store's JDBC URL: put the driver's jar (for PostgreSQL"
                    + " org.postgresql:postgresql) beside oidc-servlet-jdbc", "08001");
        }
    }

    private static Driver accepting(String url, ClassLoader loader) {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader).iterator();
        // bounded: after a broken provider the iterator only makes "a best effort" to go on
        for (int tries = 0; tries < MAX_PROVIDERS; tries++) {
            try {
                if (!drivers.hasNext()) {
                    return null;
                }
                Driver driver = drivers.next();
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (ServiceConfigurationError | SQLException | LinkageError broken) {
                // a driver that cannot load or judge the URL is not the one
            }
        }
        return null;
    }
}
