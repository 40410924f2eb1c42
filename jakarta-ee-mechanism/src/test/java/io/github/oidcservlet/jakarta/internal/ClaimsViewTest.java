package io.github.oidcservlet.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdClaims;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsViewTest {

    private static final Map<String, Object> CLAIMS = Map.of("sub", "alice", "preferred_username", "ally",
            "exp", 1_700_000_000L, "groups", List.of("users", "admin"), "email_verified", true,
            "realm_access", Map.of("roles", List.of("r1")), "iss", "https://op.example",
            "aud", List.of("client"));

    @Test
    void openIdClaimsReadTheStandardClaims() {
        OpenIdClaims claims = ClaimsView.openId(CLAIMS);

        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getPreferredUsername()).hasValue("ally");
        assertThat(claims.getEmailVerified()).hasValue("true");
        assertThat(claims.getArrayStringClaim("groups")).containsExactly("users", "admin");
        assertThat(claims.getNested("realm_access").orElseThrow().getArrayStringClaim("roles")).containsExactly("r1");
        assertThat(claims.getEmail()).isEmpty();
    }

    @Test
    void jwtClaimsReadNumericDatesAsSecondsSinceTheEpoch() {
        JwtClaims claims = ClaimsView.jwt(CLAIMS);

        assertThat(claims.getExpirationTime()).hasValue(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(claims.getIssuer()).hasValue("https://op.example");
        assertThat(claims.getAudience()).containsExactly("client");
        assertThat(claims.getLongClaim("exp")).hasValue(1_700_000_000L);
        assertThat(claims.getIntClaim("sub")).isEmpty();
    }

    @Test
    void aJsonNullClaimIsAnAbsentClaim() {
        Map<String, Object> claims = new HashMap<>(CLAIMS);
        claims.put("email", null);
        claims.put("address", null);
        claims.put("groups", Arrays.asList("users", null));
        claims.put("realm_access", Collections.singletonMap("roles", null));

        OpenIdClaims view = ClaimsView.openId(claims);

        assertThat(view.getSubject()).isEqualTo("alice");
        assertThat(view.getEmail()).isEmpty();
        assertThat(view.getStringClaim("address")).isEmpty();
        assertThat(view.getArrayStringClaim("groups")).containsExactly("users");
        assertThat(view.getNested("realm_access").orElseThrow().getArrayStringClaim("roles")).isEmpty();
        assertThat(ClaimsView.jwt(claims).getLongClaim("exp")).hasValue(1_700_000_000L);
    }
}
