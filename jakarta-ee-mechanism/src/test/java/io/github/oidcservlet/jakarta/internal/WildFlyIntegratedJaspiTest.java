package io.github.oidcservlet.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WildFlyIntegratedJaspiTest {

    @Test
    void aLoginRefusedByElytronsIntegratedJaspiIsExplainedWithTheSettingToChange() {
        // what Soteria's notifyContainerAboutLogin throws on WildFly 39 under integrated-jaspi="true"
        RuntimeException refused = new IllegalStateException(
                new IOException(new IOException("ELY01177: Authorization failed.")));

        assertThat(WildFlyIntegratedJaspi.explain(refused)).contains("ELY01177")
                .contains("integrated-jaspi=\"false\" on undertow's application-security-domain")
                .contains("/subsystem=undertow/application-security-domain=other:write-attribute("
                        + "name=integrated-jaspi,value=false)");
    }

    @Test
    void anyOtherRefusalIsLeftAlone() {
        assertThat(WildFlyIntegratedJaspi.explain(new IllegalStateException("no callback handler"))).isNull();
        assertThat(WildFlyIntegratedJaspi.explain(new IllegalStateException())).isNull();
    }

    @Test
    void wildFlyIsRecognisedByTheSystemPropertiesItsLauncherSets() {
        assertThat(WildFlyIntegratedJaspi.runningOnWildFly(Map.of("jboss.home.dir", "/opt/wildfly",
                "jboss.server.base.dir", "/opt/wildfly/standalone"))).isTrue();
        assertThat(WildFlyIntegratedJaspi.runningOnWildFly(Map.of("java.home", "/usr/lib/jvm"))).isFalse();
        assertThat(WildFlyIntegratedJaspi.startHint()).contains(WildFlyIntegratedJaspi.SETTING);
    }
}
