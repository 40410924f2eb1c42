package io.github.oidcservlet.core.web;

import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcLogin;

import java.util.Set;

/** An engine that needs no network (manual endpoints), a fixed clock and logins to store. */
public final class WebFixtures {

    private WebFixtures() {
    }

    public static OidcConfig config(String... keyValues) {
        String[] endpoints = {"authorization-endpoint", "https://op.example.com/auth",
                "token-endpoint", "https://op.example.com/token",
                "end-session-endpoint", "https://op.example.com/logout",
                "jwks-uri", "https://op.example.com/jwks",
                "api-paths", "/api/*"};
        String[] all = new String[endpoints.length + keyValues.length];
        System.arraycopy(endpoints, 0, all, 0, endpoints.length);
        System.arraycopy(keyValues, 0, all, endpoints.length, keyValues.length);
        return TestConfigs.with(all);
    }

    static OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter(TestClock clock, String... keyValues) {
        return new OidcWebAdapter<>(OidcEngine.create(config(keyValues), clock), clock, InMemoryHttp.HTTP);
    }

    /** A login of alice whose access token expires {@code secondsLeft} after the clock's now. */
    static OidcLogin login(TestClock clock, long secondsLeft, String refreshToken) {
        return OidcLogin.builder().subject("alice-sub").principalName("alice").roles(Set.of("users"))
                .idToken("id.token.value").accessToken("access.token.value").refreshToken(refreshToken)
                .expiresAtMillis(clock.millis() + secondsLeft * 1000).build();
    }
}
