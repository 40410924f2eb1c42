package io.github.oidcservlet.core.logout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JtiReplayCacheTest {

    @Test
    void aJtiIsAcceptedOnceWithinItsTimeToLive() {
        JtiReplayCache cache = new JtiReplayCache(1_000, 10);
        assertThat(cache.firstSighting("a", 0)).isTrue();
        assertThat(cache.firstSighting("a", 999)).isFalse();
        assertThat(cache.firstSighting("a", 2_001)).as("forgotten after the ttl").isTrue();
    }

    @Test
    void theCacheIsBoundedInSize() {
        JtiReplayCache cache = new JtiReplayCache(60_000, 3);
        for (int i = 0; i < 10; i++) {
            cache.firstSighting("jti-" + i, i);
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.firstSighting("jti-9", 20)).isFalse();
    }
}
