package io.github.oidcservlet.core.internal.provider;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP client's own thread must not hold the web application's class loader (redeploy leaks). */
class ProviderHttpClassLoaderTest {

    @Test
    void theClientsSelectorThreadDoesNotInheritTheApplicationsClassLoader() {
        ClassLoader application = new URLClassLoader(new URL[0], getClass().getClassLoader());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        current.setContextClassLoader(application);
        try {
            new ProviderHttp(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, Clock.systemUTC());
        } finally {
            current.setContextClassLoader(previous);
        }
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> !before.contains(thread))
                .filteredOn(thread -> thread.getName().startsWith("HttpClient-"))
                .isNotEmpty()
                .allSatisfy(thread -> assertThat(thread.getContextClassLoader()).isNotSameAs(application));
    }

    @Test
    void theCallersClassLoaderIsRestored() {
        ClassLoader mine = Thread.currentThread().getContextClassLoader();
        ProviderHttp.withoutApplicationClassLoader(HttpClient.newBuilder());
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(mine);
    }
}
