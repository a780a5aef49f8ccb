package com.fankeep.core.bench;

import com.fankeep.core.shared.PersonalDataMask;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The warnings logged while a benchmark runs, so its table can name them: the CLI keeps the console quiet, and a
 * step that failed on the bulk copy and ran again after the swap was otherwise only a missing row (session 11).
 */
public final class WarningsSeen extends Handler {

    private final List<String> lines = new ArrayList<>();

    private WarningsSeen() {
        setLevel(Level.WARNING);
    }

    /** Listens on the root logger until {@link #stop()}. */
    public static WarningsSeen start() {
        WarningsSeen seen = new WarningsSeen();
        Logger.getLogger("").addHandler(seen);
        return seen;
    }

    @Override
    public synchronized void publish(LogRecord r) {
        if (!isLoggable(r)) {
            return;
        }
        StringBuilder sb = new StringBuilder().append(r.getLevel().getName()).append(' ').append(r.getLoggerName())
                .append(": ").append(new java.util.logging.SimpleFormatter().formatMessage(r));
        for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(" ← ").append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        lines.add(PersonalDataMask.maskLog(sb.toString()));
    }

    /** Stops listening; the warnings seen, oldest first. */
    public synchronized List<String> stop() {
        Logger.getLogger("").removeHandler(this);
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
