package io.github.oidcservlet.core.internal.login;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/profile", "/app/orders?id=7&sort=asc", "/a%20b", "/search?q=http://x"})
    void keepsPathsOfThisOrigin(String url) {
        assertThat(ReturnUrls.sameOrigin(url, "/app/")).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example.com", "/\\evil.example.com", "https://evil.example.com/",
            "javascript:alert(1)", "evil.example.com", "/%2F%2Fevil.example.com", "/%2fevil.example.com",
            "/%5Cevil.example.com", "/%252F%252Fevil.example.com", "/\t/evil.example.com", "/\n/evil.example.com",
            "", "/%0a/evil.example.com", "\\\\evil.example.com"})
    void replacesEverythingThatCouldLeaveTheOrigin(String url) {
        assertThat(ReturnUrls.sameOrigin(url, "/app/")).isEqualTo("/app/");
    }
}
