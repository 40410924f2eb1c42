package io.github.oidcservlet.core.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RandomTokensTest {

    @Test
    void carriesTheAskedBytesAsBase64UrlWithoutPadding() {
        assertThat(RandomTokens.of(32)).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(RandomTokens.of(16)).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void neverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(RandomTokens.of(16))).isTrue();
        }
    }
}
