package io.github.oidcservlet.core.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void requestTextCannotForgeLogLines() {
        assertThat(LogText.safe("iss 'x'\nSEVERE: admin logged in\r")).doesNotContain("\n", "\r")
                .isEqualTo("iss 'x'_SEVERE: admin logged in_");
    }

    @Test
    void unicodeLineBreaksAreNeutralizedToo() {
        assertThat(LogText.safe("a\u0085b\u2028c\u2029d")).isEqualTo("a_b_c_d");
    }

    @Test
    void longValuesAreCut() {
        assertThat(LogText.safe("a".repeat(10_000))).hasSize(503).endsWith("...");
    }

    @Test
    void nullIsEmpty() {
        assertThat(LogText.safe(null)).isEmpty();
    }
}
