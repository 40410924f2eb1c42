package io.github.oidcservlet.core.internal.session;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.store.RefreshOutcome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SingleFlight} driven by a clock the test moves: no sleeps. */
class SingleFlightTest {

    private static final Duration LINGER = Duration.ofSeconds(2);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SingleFlight flights = new SingleFlight(Duration.ofSeconds(5), LINGER, now::get);
    private final AtomicInteger runs = new AtomicInteger();

    private static OidcLogin login() {
        return OidcLogin.builder().subject("alice").principalName("alice").roles(Set.of()).idToken("h.p.s")
                .accessToken("at").refreshToken("rt").expiresAtMillis(0L).build();
    }

    private Function<OidcLogin, RefreshOutcome> answering(RefreshOutcome outcome) {
        return session -> {
            runs.incrementAndGet();
            return outcome;
        };
    }

    @Test
    void aFinishedResultIsReusedWithinItsLinger() {
        OidcLogin session = login();
        RefreshOutcome down = new RefreshOutcome.Unavailable("down");
        assertThat(flights.run(session, false, answering(down))).isSameAs(down);
        now.addAndGet(LINGER.toMillis());
        assertThat(flights.run(session, false, answering(new RefreshOutcome.NotRefreshable()))).isSameAs(down);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aStaleResultOfTheSameSessionIsNotHandedOutAgainThoughNoOtherSessionRefreshes() {
        OidcLogin session = login();
        assertThat(flights.run(session, false, answering(new RefreshOutcome.Unavailable("down"))))
                .isInstanceOf(RefreshOutcome.Unavailable.class);
        // the provider is back; the only session of this quiet node asks again once the linger is over
        now.addAndGet(LINGER.toMillis() + 1);
        RefreshOutcome back = new RefreshOutcome.Refreshed(login());
        assertThat(flights.run(session, false, answering(back))).isSameAs(back);
        assertThat(runs).hasValue(2);
        assertThat(flights.size()).isEqualTo(1);
    }

    @Test
    void staleResultsOfOtherSessionsAreSweptWhenAFlightStarts() {
        flights.run(login(), false, answering(new RefreshOutcome.Unavailable("down")));
        flights.run(login(), false, answering(new RefreshOutcome.Unavailable("down")));
        now.addAndGet(LINGER.toMillis() + 1);
        flights.run(login(), false, answering(new RefreshOutcome.NotRefreshable()));
        assertThat(flights.size()).isEqualTo(1);
    }

    @Test
    void twoDeserializedCopiesOfOneLoginRefreshingConcurrentlyMakeOneGrant() throws Exception {
        // A container with a Redis- or JDBC-backed session manager hands each request its own copy.
        byte[] stored = serialized(login());
        OidcLogin first = deserialized(stored);
        OidcLogin second = deserialized(stored);
        assertThat(second).isNotSameAs(first);
        CountDownLatch release = new CountDownLatch(1);
        RefreshOutcome refreshed = new RefreshOutcome.Refreshed(first.toBuilder().accessToken("at-2").build());
        Function<OidcLogin, RefreshOutcome> grant = session -> {
            runs.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return refreshed;
        };
        CompletableFuture<RefreshOutcome> a = CompletableFuture.supplyAsync(() -> flights.run(first, false, grant));
        waitUntil(() -> runs.get() == 1);
        Thread[] waiter = new Thread[1];
        CompletableFuture<RefreshOutcome> b = new CompletableFuture<>();
        waiter[0] = new Thread(() -> b.complete(flights.run(second, false, grant)), "second-copy");
        waiter[0].start();
        // the second copy is parked: waiting for the first copy's run, or (were it keyed by identity) in a grant
        waitUntil(() -> waiter[0].getState() == Thread.State.WAITING
                || waiter[0].getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        assertThat(a.get(5, TimeUnit.SECONDS)).isSameAs(refreshed);
        assertThat(b.get(5, TimeUnit.SECONDS)).isSameAs(refreshed);
        assertThat(runs).as("one refresh grant for both copies").hasValue(1);
    }

    @Test
    void theNextRefreshOfARefreshedLoginIsANewFlight() {
        OidcLogin session = login();
        RefreshOutcome first = new RefreshOutcome.Refreshed(session.toBuilder().accessToken("at-2").build());
        assertThat(flights.run(session, false, answering(first))).isSameAs(first);
        OidcLogin refreshed = ((RefreshOutcome.Refreshed) first).session();
        RefreshOutcome second = new RefreshOutcome.NotRefreshable();
        // within the linger of the first run, but with the next generation of tokens: a run of its own
        assertThat(flights.run(refreshed, false, answering(second))).isSameAs(second);
        assertThat(runs).hasValue(2);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.sleep(1);
        }
    }

    static byte[] serialized(OidcLogin session) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        return bytes.toByteArray();
    }

    static OidcLogin deserialized(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (OidcLogin) in.readObject();
        }
    }
}
