package io.github.oidcservlet.jdbc;

import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.StoreContext;
import io.github.oidcservlet.core.internal.store.StoreProviders;
import io.github.oidcservlet.testkit.TestPostgres;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Fixtures: configurations and stores of several "nodes" on one PostgreSQL, sessions and their copies. */
final class Nodes {

    static final String ISSUER = "https://op.example.com";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private Nodes() {
    }

    /** A table prefix no other test uses: tests of one class share a server, not tables. */
    static String freshPrefix() {
        return "t" + PREFIXES.incrementAndGet() + "_" + ProcessHandle.current().pid() + "_";
    }

    /** The init-params of store=jdbc on {@code postgres}, with {@code keyValues} on top (null removes). */
    static OidcConfig config(TestPostgres postgres, String... keyValues) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("issuer", ISSUER);
        params.put("client-id", "my-client");
        params.put("client-secret", "a-client-secret-of-at-least-32-bytes!!");
        params.put("store", "jdbc");
        params.put("store-jdbc-url", postgres.jdbcUrl());
        params.put("store-jdbc-user", postgres.user());
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                params.remove(keyValues[i]);
            } else {
                params.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return OidcConfig.from(ConfigSource.initParams(params));
    }

    static StoreContext context(OidcConfig config, Clock clock, Duration wait, Duration linger) {
        return new StoreContext(config, clock, wait, linger, Duration.ofMinutes(12));
    }

    /** One node's stores, chosen by name like the engine does. */
    static JdbcStores node(OidcConfig config, Clock clock, Duration wait, Duration linger) {
        return (JdbcStores) StoreProviders.create(context(config, clock, wait, linger));
    }

    static JdbcStores node(OidcConfig config) {
        return node(config, Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** A login of {@code sub} in provider session {@code sid}, its ID token issued a minute ago. */
    static OidcLogin login(String sub, String sid) {
        long now = System.currentTimeMillis();
        return OidcLogin.builder().issuer(ISSUER).subject(sub).principalName(sub).roles(Set.of())
                .idToken("h.p.s").accessToken("at-" + sub + "-" + now).refreshToken("rt-" + sub)
                .expiresAtMillis(now + 300_000).sid(sid).loginAtMillis(now - 60_000)
                .issuedAtMillis(now - 60_000).build();
    }

    /** What a container that deserializes the HTTP session per request hands out: a copy. */
    static OidcLogin copy(OidcLogin session) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(session);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (OidcLogin) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private final AtomicLong millis;

        MovableClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Waits for {@code condition} at most {@code within}; returns how long it took, or -1. */
    static long millisUntil(java.util.function.BooleanSupplier condition, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return condition.getAsBoolean() ? within.toMillis() : -1;
    }
}
