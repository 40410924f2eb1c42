package io.github.oidcservlet.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The store finds its driver where a container's {@code DriverManager} does not: pgjdbc taken out of
 * {@code DriverManager} stands for the driver in a WAR's {@code WEB-INF/lib} that the server's {@code DriverManager}
 * never registered for the application (GlassFish 7: "No suitable driver found").
 */
class DriversTest {

    @Test
    void aDriverUnknownToDriverManagerIsFoundThroughTheStoresClassLoader() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/app";
        boolean wasRegistered = org.postgresql.Driver.isRegistered();
        if (wasRegistered) {
            org.postgresql.Driver.deregister();
        }
        try {
            assertThat(Collections.list(DriverManager.getDrivers())).as("DriverManager's drivers")
                    .noneMatch(driver -> driver instanceof org.postgresql.Driver);

            assertThat(Drivers.forUrl(url, DriversTest.class.getClassLoader()))
                    .isInstanceOf(org.postgresql.Driver.class);
            try (Connections connections = Connections.of(url, "app", null, 1, 1)) {
                // the driver itself answers: the server is not there (not "No suitable driver found")
                assertThatThrownBy(connections::dedicated).isInstanceOf(PSQLException.class)
                        .hasMessageContaining("refused");
            }
        } finally {
            if (wasRegistered && !org.postgresql.Driver.isRegistered()) {
                org.postgresql.Driver.register();
            }
        }
    }

    @Test
    void noDriverForTheUrlIsAClearConnectionFailureWithoutTheUrl() {
        assertThatThrownBy(() -> Drivers.forUrl("jdbc:nosuchdb://db/app?password=s3cret",
                DriversTest.class.getClassLoader()))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                .hasMessageContaining("no JDBC driver accepts the store's JDBC URL")
                .hasMessageNotContaining("s3cret");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
