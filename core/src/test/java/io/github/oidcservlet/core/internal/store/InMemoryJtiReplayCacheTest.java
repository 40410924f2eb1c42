package io.github.oidcservlet.core.internal.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryJtiReplayCacheTest {

    @Test
    void aJtiIsAcceptedOnceWithinItsTimeToLive() {
        InMemoryJtiReplayCache cache = new InMemoryJtiReplayCache(1_000, 10);
        assertThat(cache.firstSighting("a", 0)).isTrue();
        assertThat(cache.firstSighting("a", 999)).isFalse();
        assertThat(cache.firstSighting("a", 2_001)).as("forgotten after the ttl").isTrue();
    }

    @Test
    void theCacheIsBoundedInSize() {
        InMemoryJtiReplayCache cache = new InMemoryJtiReplayCache(60_000, 3);
        for (int i = 0; i < 10; i++) {
            cache.firstSighting("jti-" + i, i);
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.firstSighting("jti-9", 20)).isFalse();
    }
}
