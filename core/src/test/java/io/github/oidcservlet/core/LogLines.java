package io.github.oidcservlet.core;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what a class logs through System.Logger (java.util.logging underneath), for assertions. */
public final class LogLines extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private LogLines(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
        logger.setLevel(Level.ALL);
    }

    public static LogLines of(Class<?> type) {
        return of(type.getName());
    }

    /** For a class this package cannot see. */
    public static LogLines of(String loggerName) {
        return new LogLines(Logger.getLogger(loggerName));
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    public synchronized List<String> at(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    public synchronized List<String> all() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(null);
    }
}
