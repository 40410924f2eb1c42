package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.TestConfigs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserinfoPolicyTest {

    @Test
    void userinfoIsFetchedAtEveryLoginByDefault() {
        assertThat(TestConfigs.valid().userinfo()).isEqualTo(UserinfoPolicy.ALWAYS);
    }

    @Test
    void userinfoKeyTakesAlwaysNeverOrAuto() {
        assertThat(TestConfigs.with("userinfo", "auto").userinfo()).isEqualTo(UserinfoPolicy.AUTO);
        assertThat(TestConfigs.with("userinfo", "Never").userinfo()).isEqualTo(UserinfoPolicy.NEVER);
        assertThat(TestConfigs.with("userinfo", "always").userinfo()).isEqualTo(UserinfoPolicy.ALWAYS);
    }

    @Test
    void anotherUserinfoValueIsAProblemNamingTheKey() {
        assertThatThrownBy(() -> TestConfigs.with("userinfo", "sometimes"))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("init-param 'userinfo' must be always, never or auto, got 'sometimes'");
    }
}
