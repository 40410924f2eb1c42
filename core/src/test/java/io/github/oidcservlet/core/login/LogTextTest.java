package io.github.oidcservlet.core.login;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {

    @Test
    void requestTextCannotForgeLogLines() {
        assertThat(LogText.safe("iss 'x'\nSEVERE: admin logged in\r")).doesNotContain("\n", "\r")
                .isEqualTo("iss 'x'_SEVERE: admin logged in_");
    }

    @Test
    void longValuesAreCut() {
        assertThat(LogText.safe("a".repeat(10_000))).hasSize(503).endsWith("...");
    }
}
