package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code userinfo} key: when the login spends a round trip on the UserInfo endpoint. */
class UserinfoPolicyIT {

    static TestProvider provider;

    @BeforeAll
    static void start() {
        provider = TestProvider.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void reset() {
        provider.reset();
    }

    private HttpResponse<String> login(String policy) {
        Map<String, String> params = TestApp.paramsFor(provider);
        if (policy != null) {
            params.put("userinfo", policy);
        }
        try (TestApp app = TestApp.start(params)) {
            return navigate(new TestBrowser(), app.url("/profile"));
        }
    }

    @Test
    void byDefaultEveryLoginCallsUserinfo() {
        HttpResponse<String> landed = login(null);
        assertThat(landed.body()).contains("user=alice", "email=alice@example.test");
        assertThat(provider.count("userinfo")).isEqualTo(1);
    }

    @Test
    void autoSkipsUserinfoWhenTheIdTokenCarriesTheRequestedScopesClaims() {
        HttpResponse<String> landed = login("auto");
        // the test provider puts preferred_username, name, email and groups in the ID token
        assertThat(landed.body()).contains("user=alice", "email=alice@example.test", "roles=[users]");
        assertThat(provider.count("userinfo")).isZero();
    }

    @Test
    void autoCallsUserinfoWhenTheIdTokenLacksAScopesClaims() {
        provider.behaviour().idTokenClaims(claims -> claims.claim("email", null));
        HttpResponse<String> landed = login("auto");
        assertThat(landed.body()).contains("email=alice@example.test");
        assertThat(provider.count("userinfo")).isEqualTo(1);
    }

    @Test
    void neverCallsUserinfo() {
        provider.behaviour().idTokenClaims(claims -> claims.claim("email", null));
        HttpResponse<String> landed = login("never");
        assertThat(landed.body()).contains("user=alice", "email=null");
        assertThat(provider.count("userinfo")).isZero();
    }
}
