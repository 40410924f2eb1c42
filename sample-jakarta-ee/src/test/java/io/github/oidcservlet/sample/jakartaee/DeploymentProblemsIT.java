package io.github.oidcservlet.sample.jakartaee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wrong configuration stops the deployment, and the log names each key as the user wrote it. */
class DeploymentProblemsIT {

    @Test
    void anInvalidSettingFailsTheDeploymentNamingTheKey() throws Exception {
        try (SampleJar jar = SampleJar.launchOnly(Map.of(
                "issuer", "http://127.0.0.1:9/unreachable",
                "client-id", "sample",
                "refresh-margin", "soon"))) {

            assertThat(jar.awaitExit()).as("exit status; output:\n%s", jar.output()).isEqualTo(1);
            assertThat(jar.output())
                    .contains("Invalid OpenID Connect configuration")
                    .contains("system property oidc.refresh-margin")
                    .contains("did not start");
        }
    }
}
