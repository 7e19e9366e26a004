package io.rmbsim;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The WARN and ERROR lines the service logs (in this JVM) while it is open. */
public final class WarningLog extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new ArrayList<>();

    private WarningLog() {
    }

    /** Starts listening on the root logger; close it to stop. */
    public static WarningLog open() {
        WarningLog log = new WarningLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** What was logged so far, oldest first. */
    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
