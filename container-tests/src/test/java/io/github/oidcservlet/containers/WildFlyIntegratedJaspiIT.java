package io.github.oidcservlet.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The mechanism WAR on WildFly as it comes ({@code integrated-jaspi="true"}): the login completes, then WildFly
 * refuses the caller (ELY01177). Every such request logs exactly what to set, and start-up says it beforehand.
 */
class WildFlyIntegratedJaspiIT extends OneServerHarness {

    private static final String SETTING = "integrated-jaspi=\"false\" on undertow's application-security-domain "
            + "(jboss-cli: /subsystem=undertow/application-security-domain=other:write-attribute("
            + "name=integrated-jaspi,value=false), then :reload)";

    @Override
    ContainerContract.Started launch(TestProvider provider) throws Exception {
        return WildFly.start(ServerFiles.mechanismWar(), ContainerContract.environment(providerSettings(provider)),
                true);
    }

    @Test
    void underWildFlysDefaultTheRefusedRequestLogsTheSettingToChange() {
        assertThat(server().output()).as("start-up").contains("Running on WildFly: the OpenID Connect "
                + "mechanism needs " + SETTING);
        provider.loginAs("alice");
        TestBrowser browser = new TestBrowser();

        HttpResponse<String> landed = browser.follow(browser.get(url("/profile"), NAVIGATION), 4);

        assertThat(landed.statusCode()).as("WildFly's refusal").isEqualTo(500);
        assertNoStackTrace(landed);
        assertThat(server().output()).contains("WildFly refused the caller the OpenID Connect mechanism "
                + "logged in (ELY01177: Authorization failed)").contains("domain, which does not know the provider's "
                + "users. Set " + SETTING);
    }
}
