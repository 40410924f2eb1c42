package io.github.oidcservlet.sample;

import io.github.oidcservlet.testkit.LogRecorder;
import io.github.oidcservlet.testkit.SampleAppContract;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;

/** The shared sample contract, against the filter sample on embedded Jetty (in-process). */
class FilterSampleContractIT extends SampleAppContract {

    private SampleApp app;
    /** What the filter and the sample log through System.Logger (java.util.logging) while this class runs. */
    private LogRecorder log;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        log = LogRecorder.onRootLogger();
        // The filter reads oidc.* system properties at init, the way a user would configure the jar.
        providerSettings(provider).forEach((key, value) -> System.setProperty("oidc." + key, value));
        app = SampleApp.start(0, false);
        return app.baseUri();
    }

    @Override
    protected void stopApplication() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            providerSettings(provider).keySet().forEach(key -> System.clearProperty("oidc." + key));
            log.close();
        }
    }

    @Override
    protected CharSequence applicationLog() {
        return log == null ? "" : log.text();
    }
}
