package com.fankeep.core.shared;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * SLF4J goes to java.util.logging; this sends it to one file per launch in {@code <data>/logs/}, with phone
 * numbers, e-mail addresses, names and addresses masked ({@link PersonalDataMask#maskLog}), and keeps the console
 * quiet (the CLI prints its own messages).
 */
public final class Logging {

    static final int KEEP_FILES = 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static Path currentFile;
    // java.util.logging holds loggers weakly: keep the ones we configure, or their level is lost.
    private static final List<Logger> CONFIGURED = new java.util.ArrayList<>();

    private Logging() {
    }

    /** Before anything logs: no console output, no library banners. */
    public static synchronized void quietConsole() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.WARNING);
    }

    /** Starts this launch's log file in {@code dataDir/logs}; later calls keep the first file. */
    public static synchronized Path toDataFolder(Path dataDir) {
        if (currentFile != null) {
            return currentFile;
        }
        Path logs = dataDir.resolve("logs");
        try {
            Files.createDirectories(logs);
            pruneOld(logs);
            Path file = logs.resolve("fankeep-" + LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid() + ".log");
            FileHandler handler = new FileHandler(file.toString(), false);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new MaskingFormatter());
            Logger root = Logger.getLogger("");
            root.addHandler(handler);
            root.setLevel(Level.INFO);
            for (String noisy : List.of("org.flywaydb", "org.jooq")) {
                Logger logger = Logger.getLogger(noisy);
                logger.setLevel(Level.WARNING);
                CONFIGURED.add(logger);
            }
            currentFile = file;
            return file;
        } catch (IOException e) {
            // A read-only or missing folder must not stop the app; it just runs without a log file.
            return null;
        }
    }

    private static void pruneOld(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> old = files.filter(p -> p.getFileName().toString().startsWith("fankeep-"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .skip(KEEP_FILES - 1L)
                    .toList();
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }

    static final class MaskingFormatter extends Formatter {

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(200);
            sb.append(java.time.Instant.ofEpochMilli(r.getMillis())).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName()).append(" - ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                sb.append(sw);
            }
            return PersonalDataMask.maskLog(sb.toString());
        }
    }

    /** Ends file logging (tests). */
    static synchronized void closeForTests() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.close();
            Logger.getLogger("").removeHandler(h);
        }
        currentFile = null;
    }
}
