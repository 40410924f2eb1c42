package io.github.oidcservlet.sample.jakartaee;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.SampleAppContract;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared sample contract, against the Jakarta EE sample: the executable jar on embedded GlassFish 7. */
class JakartaSampleContractIT extends SampleAppContract {

    private static final String[] NAVIGATION = {"Accept", "text/html", "Sec-Fetch-Mode", "navigate"};

    private SampleJar jar;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        jar = SampleJar.start(providerSettings(provider));
        return jar.baseUri();
    }

    // GlassFish 7.0.25 ignores the session cookie's SameSite of web.xml (its Request.configureSessionCookie copies
    // path, domain, secure and HttpOnly only): the contract's SameSite=Lax is the web layer's (session-cookie-same-site).

    /**
     * {@code /admin}'s servlet constraint is {@code "**"}, any logged-in caller, so alice passes it. What turns her
     * away is {@code AdminPage}'s {@code @RolesAllowed("admin")}: GlassFish's EJB container logs its refusal, and
     * the 403 is the application's sentence, written only where the bean call threw {@code EJBAccessException}, not
     * the error page of a request the web container refused. The admin's page names them as the bean's
     * {@code SessionContext} sees them: the caller and role propagated from the web tier into the bean.
     */
    @Test
    void theAdminPagesEnterpriseBeanDecidesWithRolesAllowedOnTheCallerFromTheWebTier() throws InterruptedException {
        TestBrowser alice = logIn("alice");
        jar.forgetOutputSoFar();

        HttpResponse<String> refused = alice.get(url("/admin"), NAVIGATION);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<h1>Forbidden</h1>",
                        "This page needs the <code>admin</code> role, and <strong>alice</strong> does not have it.")
                .doesNotContain("The request could not be completed", "EJB", "Exception");
        jar.await(Pattern.compile("AccessLocalException: Client not authorized for this invocation"));

        HttpResponse<String> page = logIn("admin").get(url("/admin"), NAVIGATION);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Welcome, <strong>admin</strong>: you have the <code>admin</code> role.");
    }

    /** Everything the jar printed: GlassFish's log, ours among it. */
    @Override
    protected CharSequence applicationLog() {
        return jar == null ? "" : jar.output();
    }

    @Override
    protected void stopApplication() {
        if (jar != null) {
            jar.close();
        }
    }
}
