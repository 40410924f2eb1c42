package io.github.oidcservlet.core.internal.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PathPatternsTest {

    private final PathPatterns patterns = new PathPatterns(List.of("/", "/public/*", "*.css", "/about"));

    @Test
    void exactPatternsMatchOnlyThemselves() {
        assertThat(patterns.matches("/")).isTrue();
        assertThat(patterns.matches("/about")).isTrue();
        assertThat(patterns.matches("/about/team")).isFalse();
        assertThat(patterns.matches("/profile")).isFalse();
    }

    @Test
    void prefixPatternsMatchTheFolderAndBelowButNotLookalikes() {
        assertThat(patterns.matches("/public")).isTrue();
        assertThat(patterns.matches("/public/ping")).isTrue();
        assertThat(patterns.matches("/public/a/b")).isTrue();
        assertThat(patterns.matches("/publicity")).isFalse();
    }

    @Test
    void suffixPatternsMatchExtensions() {
        assertThat(patterns.matches("/static/site.css")).isTrue();
        assertThat(patterns.matches("/static/site.css.map")).isFalse();
    }

    @Test
    void servletPathAndPathInfoMatchAsTheJoinedPath() {
        // servlet path, path info, expected: the two parts are matched as the path they join into
        Object[][] cases = {{"/public", "/ping", true}, {"/public", null, true}, {"", "/public/a", true},
                {"/publicity", null, false}, {"/pub", "/lic/x", false}, {"/pub", "lic/x", true}, {"/static", "/site.css", true},
                {"/api", "/about", false}, {"", "/", true}, {"/about", null, true}, {"/abo", "ut", true},
                {"/", null, true}, {"/static", "/site.css.map", false}, {"/pub", "licity", false}};
        for (Object[] c : cases) {
            String joined = c[0] + (c[1] == null ? "" : (String) c[1]);
            assertThat(patterns.matches((String) c[0], (String) c[1])).as(joined).isEqualTo(c[2]);
            assertThat(patterns.matches(joined)).as(joined).isEqualTo(c[2]);
        }
    }
}
