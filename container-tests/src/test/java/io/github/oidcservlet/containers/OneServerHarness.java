package io.github.oidcservlet.containers;

import io.github.oidcservlet.testkit.SampleAppHarness;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;

/**
 * A sample WAR on one real server for the tests of a class that checks one server-specific behaviour (not the whole
 * contract, which {@link ContainerContract} runs): starts it, stops it, and hands its output to the failure report.
 */
abstract class OneServerHarness extends SampleAppHarness {

    private ContainerContract.Started started;

    /** Starts the server with the sample deployed at the root, configured for {@code provider}. */
    abstract ContainerContract.Started launch(TestProvider provider) throws Exception;

    /** The running server: its output so far, or {@code close()} to stop it within a test. */
    final ServerProcess server() {
        return started.server();
    }

    @Override
    protected final URI startApplication(TestProvider provider) throws Exception {
        started = launch(provider);
        return started.base();
    }

    @Override
    protected final void stopApplication() {
        if (started != null) {
            started.server().close();
        }
    }

    @Override
    protected final CharSequence applicationLog() {
        return started == null ? "" : started.server().output();
    }
}
