package io.github.oidcservlet.core.internal.session;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimPathsTest {

    @Test
    void followsDottedPathsIntoNestedClaims() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("admin", "user")));
        assertThat(ClaimPaths.roles(claims, "realm_access.roles")).containsExactly("admin", "user");
    }

    @Test
    void aClaimNamedWithDotsWinsOverThePath() {
        Map<String, Object> claims = Map.of("https://example.com/roles", List.of("editor"));
        assertThat(ClaimPaths.roles(claims, "https://example.com/roles")).containsExactly("editor");
    }

    @Test
    void aSingleStringIsOneRoleAndOtherTypesNone() {
        assertThat(ClaimPaths.roles(Map.of("groups", "admin"), "groups")).containsExactly("admin");
        assertThat(ClaimPaths.roles(Map.of("groups", 7), "groups")).isEmpty();
        assertThat(ClaimPaths.roles(Map.of("groups", List.of("a", 3, "")), "groups")).containsExactly("a");
        assertThat(ClaimPaths.roles(Map.of(), "realm_access.roles")).isEmpty();
        assertThat(ClaimPaths.roles(Map.of("realm_access", "x"), "realm_access.roles")).isEmpty();
    }
}
