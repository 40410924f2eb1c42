package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/** The provider's discovery document and keys are fetched at start-up, so the first user waits for neither. */
class StartupPrefetchIT {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    @Test
    void keysAreFetchedAtStartUpAndTheFirstLoginDoesNotWaitForThem() {
        try (TestApp app = TestApp.start(TestApp.paramsFor(provider.get()))) {
            assertThat(provider.get().count("discovery")).isEqualTo(1);
            assertThat(provider.get().count("jwks")).isEqualTo(1);

            assertThat(navigate(new TestBrowser(), app.url("/profile")).body()).contains("user=alice");
            assertThat(provider.get().count("discovery")).isEqualTo(1);
            assertThat(provider.get().count("jwks")).isEqualTo(1);
        }
    }

    @Test
    void unreachableKeysDoNotStopStartUp() {
        Map<String, String> params = TestApp.paramsFor(provider.get());
        // discovery answers; the keys' address refuses connections (port 1 on loopback)
        params.put("jwks-uri", "http://127.0.0.1:1/jwks");
        try (TestApp app = TestApp.start(params)) {
            // the filter started: public pages serve (a failed filter init makes the whole context answer 503)
            assertThat(new TestBrowser().get(app.url("/public/ping")).statusCode()).isEqualTo(200);
        }
    }
}
