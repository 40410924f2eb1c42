package io.github.oidcservlet.sample.cluster;

import io.github.oidcservlet.testkit.SampleAppContract;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;

/**
 * The shared sample contract, through the balancer of the cluster sample: two nodes, HTTP sessions in PostgreSQL,
 * every request to the next node in turn. Each login, refresh and logout of the contract crosses nodes.
 */
class ClusterSampleContractIT extends SampleAppContract {

    private ClusterUnderTest cluster;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        cluster = ClusterUnderTest.start(providerSettings(provider));
        return cluster.baseUri();
    }

    @Override
    protected void stopApplication() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected CharSequence applicationLog() {
        return cluster == null ? "" : cluster.log();
    }
}
