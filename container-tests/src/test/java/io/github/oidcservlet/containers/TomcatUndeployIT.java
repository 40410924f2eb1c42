package io.github.oidcservlet.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import org.junit.jupiter.api.Test;

/**
 * The filter WAR undeployed from Tomcat after a login and a logout (the HTTP client and the revocation worker have
 * run): Tomcat names every thread the application started and left running ("appears to have started a thread
 * named [...] but has failed to stop it"), and each such thread keeps the application's classes in memory across
 * redeploys. None may be left.
 */
class TomcatUndeployIT extends OneServerHarness {

    private static final String LEFT_RUNNING = "appears to have started a thread named";

    @Override
    ContainerContract.Started launch(TestProvider provider) throws Exception {
        return EmbeddedTomcat.start("tomcat10.lib", ServerFiles.filterWar(),
                ContainerContract.environment(providerSettings(provider)));
    }

    @Test
    void undeployingTheFilterLeavesNoThreadRunning() {
        TestBrowser ivan = logIn("ivan");
        ivan.get(url("/oidc/logout"), "Accept", "text/html", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site",
                "same-origin");

        server().close();

        assertThat(server().output()).as("Tomcat stopped").contains("Destroying ProtocolHandler")
                .doesNotContain(LEFT_RUNNING);
    }
}
