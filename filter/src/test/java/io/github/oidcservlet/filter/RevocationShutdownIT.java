package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/** Item 5: the filter's destroy stops the revocation threads, so none outlives the application. */
class RevocationShutdownIT {

    private static Set<Thread> revocationThreads() {
        Set<Thread> threads = new HashSet<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("oidc-token-revocation") && t.isAlive()).forEach(threads::add);
        return threads;
    }

    /** A provider of its own for each test. */
    @RegisterExtension
    final TestProviderExtension providers = TestProviderExtension.create();

    @Test
    void stoppingTheApplicationStopsTheRevocationThreads() throws Exception {
        TestProvider provider = providers.get();
        Set<Thread> before = revocationThreads();
        TestApp app = TestApp.start(TestApp.paramsFor(provider));
        Set<Thread> mine;
        try {
            TestBrowser browser = new TestBrowser();
            assertThat(navigate(browser, app.url("/profile")).statusCode()).isEqualTo(200);
            assertThat(browser.get(app.url("/oidc/logout"), "Sec-Fetch-Site", "same-origin").statusCode())
                    .isEqualTo(302);
            for (int i = 0; i < 200 && provider.count("revoke") < 2; i++) {
                Thread.sleep(25);
            }
            mine = revocationThreads();
            mine.removeAll(before);
            assertThat(mine).isNotEmpty();
        } finally {
            app.close();
        }
        for (Thread thread : mine) {
            // an idle revocation thread otherwise lingers 30 s after its last call
            thread.join(10_000);
            assertThat(thread.isAlive()).as(thread.getName()).isFalse();
        }
    }
}
