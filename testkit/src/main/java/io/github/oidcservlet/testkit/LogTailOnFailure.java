package io.github.oidcservlet.testkit;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Puts the last lines of the application's log into the failure of a test or lifecycle method, so that an
 * end-to-end test that fails on a 502 also shows why the application answered it. The failure becomes an
 * {@link AssertionError} whose message is the original message followed by the log tail, with the original as its
 * cause; aborted tests (failed assumptions) pass through unchanged.
 *
 * <pre>{@code
 * @RegisterExtension
 * final LogTailOnFailure appLog = LogTailOnFailure.of(() -> app.output());   // everything the app printed so far
 * }</pre>
 *
 * For an application in the test's own JVM, {@link LogRecorder} collects what it logs through
 * {@code java.util.logging} (and so {@code System.Logger}).
 */
public final class LogTailOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** How many lines are attached unless {@link #lines(int)} says otherwise. */
    public static final int DEFAULT_LINES = 80;

    private final Supplier<? extends CharSequence> log;
    private final int lines;

    private LogTailOnFailure(Supplier<? extends CharSequence> log, int lines) {
        this.log = Objects.requireNonNull(log, "log");
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be positive: " + lines);
        }
        this.lines = lines;
    }

    /**
     * Attaches the last {@value #DEFAULT_LINES} lines of what {@code log} returns at the time of the failure.
     *
     * @param log the application's whole log so far, read only when something fails
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static LogTailOnFailure of(Supplier<? extends CharSequence> log) {
        return new LogTailOnFailure(log, DEFAULT_LINES);
    }

    /**
     * The same log, another number of lines.
     *
     * @param count how many of the last lines to attach, at least 1
     * @return a new extension
     */
    public LogTailOnFailure lines(int count) {
        return new LogTailOnFailure(log, count);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    /** {@code failure} with the log tail in its message; aborted tests unchanged. */
    Throwable withLogTail(Throwable failure) {
        if (failure instanceof TestAbortedException) {
            return failure;
        }
        AssertionError withLog = new AssertionError(failure + "\n\n" + tail(), failure);
        withLog.setStackTrace(failure.getStackTrace());
        return withLog;
    }

    private String tail() {
        CharSequence text;
        try {
            text = log.get();
        } catch (RuntimeException e) {
            return "(the application's log could not be read: " + e + ")";
        }
        if (text == null || text.isEmpty()) {
            return "(the application logged nothing)";
        }
        String[] all = text.toString().split("\\R");
        int from = Math.max(0, all.length - lines);
        String heading = from == 0 ? "The application's log (" + all.length + " lines):"
                : "The last " + lines + " of " + all.length + " lines of the application's log:";
        return heading + "\n" + String.join("\n", Arrays.asList(all).subList(from, all.length));
    }
}
