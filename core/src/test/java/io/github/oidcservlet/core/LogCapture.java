package io.github.oidcservlet.core;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what a class logs through {@code System.Logger} (backed by java.util.logging) as the lines a log file
 * would get, so a test can check that no value forged a line of its own.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final StringBuilder text = new StringBuilder();

    private LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        setFormatter(new SimpleFormatter());
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    /** Everything logged so far, formatted as the console handler would: a header line, then the message line. */
    public synchronized String text() {
        return text.toString();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        text.append(getFormatter().format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
