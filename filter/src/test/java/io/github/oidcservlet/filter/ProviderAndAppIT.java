package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fixture most filter integration tests share: one in-process provider and one {@link TestApp} pointed at it
 * for the whole class, the provider's knobs reset before each test. Subclasses add their own browsers.
 */
abstract class ProviderAndAppIT {

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create();
    static TestProvider provider;
    static TestApp app;

    @BeforeAll
    static void startProviderAndApp() {
        provider = providers.get();
        app = TestApp.start(TestApp.paramsFor(provider));
    }

    @AfterAll
    static void stopProviderAndApp() {
        app.close();
    }
}
