package io.github.oidcservlet.core.internal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPagesTest {

    @Test
    void escapesEverythingThatComesFromOutside() {
        String page = ErrorPages.html(new ErrorPages.Problem(400, "Login failed", "Words <i>here</i>",
                "<script>alert(1)</script>", "\"quoted\" & 'single'", false), "/app/\"><script>");
        assertThat(page).doesNotContain("<script>", "<i>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;quoted&quot; &amp; &#39;single&#39;",
                        "Words &lt;i&gt;here&lt;/i&gt;", "href=\"/app/&quot;&gt;&lt;script&gt;\"");
    }

    @Test
    void asksToRetryOnlyWhenRetryable() {
        assertThat(ErrorPages.html(new ErrorPages.Problem(503, "t", "m", null, null, true), "/")).contains("try again in 10 seconds");
        assertThat(ErrorPages.html(new ErrorPages.Problem(400, "t", "m", null, null, false), "/")).doesNotContain("try again in");
    }

    @Test
    void showsTheProviderSectionOnlyWithAProviderError() {
        assertThat(ErrorPages.html(new ErrorPages.Problem(400, "t", "m", null, null, false), "/"))
                .doesNotContain("The identity provider said");
        assertThat(ErrorPages.html(new ErrorPages.Problem(400, "t", "m", "access_denied", null, false), "/"))
                .contains("The identity provider said: <code>access_denied</code>");
    }
}
