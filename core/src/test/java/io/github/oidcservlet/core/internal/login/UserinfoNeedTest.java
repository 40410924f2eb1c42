package io.github.oidcservlet.core.internal.login;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.oidcservlet.core.internal.config.UserinfoPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserinfoNeedTest {

    private static final JWTClaimsSet PROFILE_AND_EMAIL = new JWTClaimsSet.Builder().subject("alice")
            .claim("preferred_username", "alice").claim("email", "alice@example.test").build();
    private static final JWTClaimsSet BARE = new JWTClaimsSet.Builder().subject("alice").build();

    @Test
    void alwaysAndNeverDoAsTheySay() {
        assertThat(UserinfoNeed.needed(UserinfoPolicy.ALWAYS, "openid profile email", PROFILE_AND_EMAIL)).isTrue();
        assertThat(UserinfoNeed.needed(UserinfoPolicy.NEVER, "openid profile email", BARE)).isFalse();
    }

    @Test
    void autoSkipsUserinfoWhenEveryRequestedScopeHasClaimsInTheIdToken() {
        assertThat(UserinfoNeed.needed(UserinfoPolicy.AUTO, "openid profile email", PROFILE_AND_EMAIL)).isFalse();
        assertThat(UserinfoNeed.needed(UserinfoPolicy.AUTO, "openid  offline_access profile", PROFILE_AND_EMAIL))
                .isFalse();
        assertThat(UserinfoNeed.needed(UserinfoPolicy.AUTO, "openid", BARE)).isFalse();
    }

    @Test
    void autoFetchesUserinfoWhenAScopesClaimsAreMissing() {
        JWTClaimsSet noEmail = new JWTClaimsSet.Builder().subject("alice").claim("name", "Alice").build();
        assertThat(UserinfoNeed.needed(UserinfoPolicy.AUTO, "openid profile email", noEmail)).isTrue();
        assertThat(UserinfoNeed.needed(UserinfoPolicy.AUTO, "openid phone", PROFILE_AND_EMAIL)).isTrue();
    }

    @Test
    void autoFetchesUserinfoForAScopeWhoseClaimsItCannotKnow() {
        assertThat(UserinfoNeed.needed(UserinfoPolicy.AUTO, "openid profile groups", PROFILE_AND_EMAIL)).isTrue();
    }
}
