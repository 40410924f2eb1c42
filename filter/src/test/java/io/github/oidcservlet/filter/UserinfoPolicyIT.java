package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code userinfo} key: when the login spends a round trip on the UserInfo endpoint. */
class UserinfoPolicyIT {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    private HttpResponse<String> login(String policy) {
        Map<String, String> params = TestApp.paramsFor(provider.get());
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
        assertThat(provider.get().count("userinfo")).isEqualTo(1);
    }

    @Test
    void autoSkipsUserinfoWhenTheIdTokenCarriesTheRequestedScopesClaims() {
        HttpResponse<String> landed = login("auto");
        // the test provider puts preferred_username, name, email and groups in the ID token
        assertThat(landed.body()).contains("user=alice", "email=alice@example.test", "roles=[users]");
        assertThat(provider.get().count("userinfo")).isZero();
    }

    @Test
    void autoCallsUserinfoWhenTheIdTokenLacksAScopesClaims() {
        provider.get().behaviour().idTokenClaims(claims -> claims.claim("email", null));
        HttpResponse<String> landed = login("auto");
        assertThat(landed.body()).contains("email=alice@example.test");
        assertThat(provider.get().count("userinfo")).isEqualTo(1);
    }

    @Test
    void neverCallsUserinfo() {
        provider.get().behaviour().idTokenClaims(claims -> claims.claim("email", null));
        HttpResponse<String> landed = login("never");
        assertThat(landed.body()).contains("user=alice", "email=null");
        assertThat(provider.get().count("userinfo")).isZero();
    }
}
