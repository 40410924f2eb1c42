package io.github.oidcservlet.core.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
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

    private static OidcSession login() {
        return new OidcSession("alice", "alice", Set.of(), "h.p.s", "at", "rt", 0L, null);
    }

    private Function<OidcSession, RefreshOutcome> answering(RefreshOutcome outcome) {
        return session -> {
            runs.incrementAndGet();
            return outcome;
        };
    }

    @Test
    void aFinishedResultIsReusedWithinItsLinger() {
        OidcSession session = login();
        RefreshOutcome down = new RefreshOutcome.Unavailable("down");
        assertThat(flights.run(session, false, answering(down))).isSameAs(down);
        now.addAndGet(LINGER.toMillis());
        assertThat(flights.run(session, false, answering(new RefreshOutcome.NotRefreshable()))).isSameAs(down);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aStaleResultOfTheSameSessionIsNotHandedOutAgainThoughNoOtherSessionRefreshes() {
        OidcSession session = login();
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
}
