package io.github.oidcservlet.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestProvider} for the tests of one class, as a JUnit 5 extension: started before the first test, back to
 * its defaults ({@link TestProvider#reset()}) before each test, closed after the last one.
 *
 * <pre>{@code
 * class LoginTest {
 *
 *     @RegisterExtension
 *     static final TestProviderExtension provider = TestProviderExtension.create();
 *
 *     @BeforeEach
 *     void knobs() {
 *         provider.get().behaviour().issParameter(true);   // runs after the reset
 *     }
 *
 *     @Test
 *     void logsIn() {
 *         String issuer = provider.get().issuer();          // http://127.0.0.1:<port>
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: the provider then lives as long as the class's tests, and is running
 * in the class's {@code @BeforeAll} methods (start the application under test there). On an instance field, where
 * JUnit calls no class-level callbacks, each test gets a provider of its own, closed after it. Nested test classes
 * share their outer class's provider. Several extensions in one class give several independent providers.
 *
 * <p>This class needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path, which the testkit
 * declares optional: a JUnit 5 project has it already.
 */
public final class TestProviderExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final TestProviderOptions options;
    private volatile TestProvider provider;
    /** The unique id of the extension context that started {@link #provider}; it closes it. */
    private volatile String startedIn;

    private TestProviderExtension(TestProviderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A provider whose issuer is {@code http://127.0.0.1:<port>}, as {@link TestProvider#start()}.
     *
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static TestProviderExtension create() {
        return create(TestProviderOptions.defaults());
    }

    /**
     * A provider with an issuer path or a fixed issuer string, as {@link TestProvider#start(TestProviderOptions)}.
     *
     * @param options how the provider names itself
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static TestProviderExtension create(TestProviderOptions options) {
        return new TestProviderExtension(options);
    }

    /**
     * The running provider.
     *
     * @return the provider of the current test class (or test, on an instance field)
     * @throws IllegalStateException outside the tests and lifecycle methods of the class that registers this
     */
    public TestProvider get() {
        TestProvider running = provider;
        if (running == null) {
            throw new IllegalStateException("no TestProvider is running: register the TestProviderExtension with "
                    + "@RegisterExtension on a static field and call get() from a test or lifecycle method");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // Only on an instance field does a test start the provider itself.
        startFor(context);
        provider.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeFor(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeFor(context);
    }

    private synchronized void startFor(ExtensionContext context) {
        if (provider == null) {
            provider = TestProvider.start(options);
            startedIn = context.getUniqueId();
        }
    }

    private synchronized void closeFor(ExtensionContext context) {
        if (provider != null && context.getUniqueId().equals(startedIn)) {
            try {
                provider.close();
            } finally {
                provider = null;
                startedIn = null;
            }
        }
    }

    @Override
    public String toString() {
        TestProvider running = provider;
        return "TestProviderExtension[" + (running == null ? "not running" : running.issuer()) + "]";
    }
}
