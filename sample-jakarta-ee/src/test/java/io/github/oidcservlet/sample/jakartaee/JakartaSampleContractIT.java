package io.github.oidcservlet.sample.jakartaee;

import io.github.oidcservlet.testkit.SampleAppContract;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;

/** The shared sample contract, against the Jakarta EE sample: the executable jar on embedded GlassFish 7. */
class JakartaSampleContractIT extends SampleAppContract {

    private SampleJar jar;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        jar = SampleJar.start(providerSettings(provider));
        return jar.baseUri();
    }

    /**
     * GlassFish 7.0.25 ignores the session cookie's {@code SameSite} of {@code web.xml} (its
     * {@code Request.configureSessionCookie} copies path, domain, secure and HttpOnly only); browsers treat a
     * cookie without it as {@code Lax}.
     */
    @Override
    protected boolean serverWritesSameSite() {
        return false;
    }

    @Override
    protected void stopApplication() {
        if (jar != null) {
            jar.close();
        }
    }
}
