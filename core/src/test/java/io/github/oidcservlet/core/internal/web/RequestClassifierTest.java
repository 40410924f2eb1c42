package io.github.oidcservlet.core.internal.web;

import io.github.oidcservlet.core.web.InMemoryHttp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestClassifierTest {

    private final RequestClassifier<InMemoryHttp.Request> classifier =
            new RequestClassifier<>(InMemoryHttp.HTTP, new PathPatterns(List.of("/api/*")));

    private boolean isApi(InMemoryHttp.Request request) {
        return classifier.isApiRequest(request, request.servletPath);
    }

    @Test
    void aPathUnderApiPathsIsAnApiCall() {
        assertThat(isApi(new InMemoryHttp.Request("/api/me"))).isTrue();
        assertThat(isApi(new InMemoryHttp.Request("/api"))).isTrue();
        assertThat(isApi(new InMemoryHttp.Request("/apis"))).isFalse();
    }

    @Test
    void aPlainRequestIsANavigation() {
        assertThat(isApi(new InMemoryHttp.Request("/profile"))).isFalse();
    }

    @Test
    void xRequestedWithMarksAnApiCall() {
        assertThat(isApi(new InMemoryHttp.Request("/profile").header("X-Requested-With", "XMLHttpRequest"))).isTrue();
    }

    @Test
    void aFetchModeOtherThanNavigateIsAnApiCall() {
        assertThat(isApi(new InMemoryHttp.Request("/profile").header("Sec-Fetch-Mode", "cors"))).isTrue();
        assertThat(isApi(new InMemoryHttp.Request("/profile").header("Sec-Fetch-Mode", "NAVIGATE"))).isFalse();
    }

    @Test
    void acceptDecidesJsonAgainstHtml() {
        assertThat(isApi(new InMemoryHttp.Request("/profile").header("Accept", "application/json"))).isTrue();
        assertThat(isApi(new InMemoryHttp.Request("/profile").header("Accept", "application/problem+JSON"))).isTrue();
        assertThat(isApi(new InMemoryHttp.Request("/profile")
                .header("Accept", "text/html,application/json;q=0.9"))).isFalse();
        assertThat(isApi(new InMemoryHttp.Request("/profile").header("Accept", "*/*"))).isFalse();
    }
}
