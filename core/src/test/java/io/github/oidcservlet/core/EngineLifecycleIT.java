package io.github.oidcservlet.core;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OidcEngine#close()} stops every thread the engine started, so an undeployed application leaks none. */
class EngineLifecycleIT {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    @Test
    void afterCloseNoThreadTheEngineStartedIsAlive() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        OidcEngine engine = OidcEngine.create(TestConfigs.forProvider(provider.get()));
        engine.provider().metadata();
        OidcLogin login = OidcLogin.builder().subject("alice").idToken("h.p.s").accessToken("at")
                .refreshToken("rt").build();
        engine.revokeTokens(login).get(10, TimeUnit.SECONDS);
        List<Thread> started = engineThreads(before);
        assertThat(started).as("the engine's named threads ran").isNotEmpty();

        engine.close();

        for (Thread thread : engineThreads(before)) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        assertThat(engineThreads(before)).as("threads of the engine alive after close()").isEmpty();
    }

    /**
     * Threads started since {@code before} whose names say the engine (or, on Java 21+, its HTTP client) made them.
     * The HTTP client has no worker pool (answers complete on its selector thread).
     */
    private static List<Thread> engineThreads(Set<Thread> before) {
        boolean closableClient = Runtime.version().feature() >= 21;
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .filter(thread -> thread.getName().startsWith("oidc-token-revocation")
                        || closableClient && thread.getName().startsWith("HttpClient-"))
                .toList();
    }
}
