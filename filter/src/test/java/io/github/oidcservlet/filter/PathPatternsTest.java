package io.github.oidcservlet.filter;

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
        String[][] cases = {{"/public", "/ping"}, {"/public", null}, {"", "/public/a"}, {"/publicity", null},
                {"/pub", "/lic/x"}, {"/static", "/site.css"}, {"/api", "/about"}, {"", "/"}, {"/about", null},
                {"/abo", "ut"}, {"/", null}, {"/static", "/site.css.map"}};
        for (String[] parts : cases) {
            String joined = parts[0] + (parts[1] == null ? "" : parts[1]);
            assertThat(patterns.matches(parts[0], parts[1])).as(joined).isEqualTo(patterns.matches(joined));
        }
    }
}
