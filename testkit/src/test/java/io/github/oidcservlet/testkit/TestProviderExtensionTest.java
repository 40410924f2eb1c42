package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The testkit's JUnit extensions, each run on small test classes through the JUnit Platform launcher (the classes
 * are nested, so Surefire does not run them on their own).
 */
class TestProviderExtensionTest {

    /** What the example classes saw: issuers, knob values, whether the provider served. */
    static final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void aStaticFieldGivesOneProviderForTheClassResetBeforeEachTestAndClosedAfterAll() {
        TestExecutionSummary summary = run(OnStaticField.class);

        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        // beforeAll, first test (changes a knob), second test (sees it reset), afterAll
        assertThat(seen).hasSize(4);
        String issuer = seen.get(0);
        assertThat(seen.get(1)).isEqualTo(issuer + " expires_in 300 -> 5");
        assertThat(seen.get(2)).isEqualTo(issuer + " expires_in 300");
        assertThat(seen.get(3)).isEqualTo(issuer);
        assertThat(serves(issuer)).as("closed after the class").isFalse();
    }

    @Test
    void nestedClassesShareTheOuterClassesProvider() {
        TestExecutionSummary summary = run(WithNested.class);

        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(serves(seen.get(0))).isFalse();
    }

    @Test
    void anInstanceFieldGivesEveryTestAProviderOfItsOwn() {
        TestExecutionSummary summary = run(OnInstanceField.class);

        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(seen).hasSize(2).doesNotHaveDuplicates();
        assertThat(seen).noneMatch(TestProviderExtensionTest::serves);
    }

    @Test
    void getOutsideTheTestsSaysHowToRegisterTheExtension() {
        assertThatThrownBy(() -> TestProviderExtension.create().get())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension on a static field");
    }

    @Test
    void aFailingTestShowsTheLastLinesOfTheApplicationsLog() {
        TestExecutionSummary summary = run(FailsWithALog.class);

        assertThat(summary.getTotalFailureCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("org.opentest4j.AssertionFailedError: the answer ==> expected: <200> but was: <502>")
                .hasMessageContaining("The last 80 of 100 lines of the application's log:\nline 21\n")
                .hasMessageEndingWith("\nline 100")
                .hasMessageNotContaining("line 20\n");
        assertThat(failure.getCause()).hasMessage("the answer ==> expected: <200> but was: <502>");
        assertThat(summary.getTestsAbortedCount()).as("a failed assumption stays an abort").isEqualTo(1);
    }

    @Test
    void aLogRecorderKeepsWhatJavaUtilLoggingReceives() {
        try (LogRecorder recorder = LogRecorder.onRootLogger()) {
            System.getLogger("io.github.oidcservlet.example").log(System.Logger.Level.WARNING,
                    "Refresh not possible now: {0}", "HTTP 503");
            System.getLogger("io.github.oidcservlet.example").log(System.Logger.Level.DEBUG, "below INFO");

            assertThat(recorder.text()).contains("WARNING io.github.oidcservlet.example: Refresh not possible now: "
                    + "HTTP 503\n").doesNotContain("below INFO");
        }
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        seen.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request().selectors(selectClass(testClass)).build(), listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName() + ": "
                + f.getException()).collect(Collectors.joining("\n"));
    }

    private static boolean serves(String issuer) {
        URI uri = URI.create(issuer);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(2).toMillis());
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class OnStaticField {

        @RegisterExtension
        static final TestProviderExtension provider = TestProviderExtension.create();

        @BeforeAll
        static void runsInBeforeAll() {
            seen.add(provider.get().issuer());
        }

        @Test
        @Order(1)
        void changesAKnob() {
            long before = provider.get().behaviour().expiresIn();
            provider.get().behaviour().expiresIn(5L);
            seen.add(provider.get().issuer() + " expires_in " + before + " -> " + provider.get().behaviour().expiresIn());
        }

        @Test
        @Order(2)
        void seesTheKnobReset() {
            seen.add(provider.get().issuer() + " expires_in " + provider.get().behaviour().expiresIn());
        }

        @AfterAll
        static void stillRunsInAfterAll() {
            assertThat(serves(provider.get().issuer())).isTrue();
            seen.add(provider.get().issuer());
        }
    }

    static class WithNested {

        @RegisterExtension
        static final TestProviderExtension provider = TestProviderExtension.create();

        @Test
        void outer() {
            seen.add(provider.get().issuer());
        }

        @Nested
        class Inner {
            @Test
            void inner() {
                seen.add(provider.get().issuer());
            }
        }
    }

    static class OnInstanceField {

        @RegisterExtension
        final TestProviderExtension provider = TestProviderExtension.create();

        @Test
        void one() {
            seen.add(provider.get().issuer());
        }

        @Test
        void two() {
            seen.add(provider.get().issuer());
        }
    }

    static class FailsWithALog {

        @RegisterExtension
        final LogTailOnFailure logTail = LogTailOnFailure.of(() -> IntStream.rangeClosed(1, 100)
                .mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));

        @Test
        void fails() {
            org.junit.jupiter.api.Assertions.assertEquals(200, 502, "the answer");
        }

        @Test
        void aborts() {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "not here");
        }
    }
}
