package io.github.oidcservlet.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Keeps the last lines that an application running in the test's JVM logs through {@code java.util.logging}, where
 * {@code System.Logger} (and so oidc-servlet) logs unless another logging back end is installed. Pair it with
 * {@link LogTailOnFailure}:
 *
 * <pre>{@code
 * static final LogRecorder appLog = LogRecorder.onRootLogger();           // close() it after the tests
 * @RegisterExtension
 * final LogTailOnFailure tail = LogTailOnFailure.of(appLog::text);
 * }</pre>
 *
 * Thread-safe. Records at the root logger's level (INFO by default) and above.
 */
public final class LogRecorder extends Handler implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final int MAX_LINES = 2_000;
    /** Only for {@code formatMessage}: fills in the parameters of a record. */
    private static final SimpleFormatter MESSAGES = new SimpleFormatter();

    private final Logger logger;
    private final Deque<String> lines = new ArrayDeque<>();

    private LogRecorder(Logger logger) {
        this.logger = logger;
    }

    /**
     * Starts recording everything that reaches the root logger; {@link #close()} stops it.
     *
     * @return the recorder, already recording
     */
    public static LogRecorder onRootLogger() {
        LogRecorder recorder = new LogRecorder(Logger.getLogger(""));
        recorder.logger.addHandler(recorder);
        return recorder;
    }

    /**
     * What was recorded.
     *
     * @return the recorded lines, oldest first (at most the last 2,000), each ending in a newline
     */
    public synchronized String text() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        StringBuilder line = new StringBuilder()
                .append(TIME.format(record.getInstant())).append(' ')
                .append(record.getLevel()).append(' ')
                .append(record.getLoggerName()).append(": ")
                .append(MESSAGES.formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace.toString().stripTrailing());
        }
        add(line.toString().split("\\R"));
    }

    private synchronized void add(String[] newLines) {
        for (String line : newLines) {
            lines.addLast(line);
            if (lines.size() > MAX_LINES) {
                lines.removeFirst();
            }
        }
    }

    @Override
    public void flush() {
        // nothing buffered outside memory
    }

    /** Stops recording; what was recorded stays readable. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
