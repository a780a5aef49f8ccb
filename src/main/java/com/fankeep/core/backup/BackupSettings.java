package com.fankeep.core.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where backups go and how many are kept. Kept in a small file beside the database, not in it: when the database
 * cannot be opened, this is exactly what is needed to find the backups.
 */
public record BackupSettings(Path folder, RetentionPolicy retention) {

    static final String FILE = "backup.properties";
    static final String DEFAULT_FOLDER = "backups";

    public static BackupSettings read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable settings file must not stop backups: fall back to the defaults.
                p.clear();
            }
        }
        String folder = p.getProperty("folder", "").trim();
        RetentionPolicy d = RetentionPolicy.DEFAULT;
        RetentionPolicy keep;
        try {
            keep = new RetentionPolicy(intOr(p, "keep.daily", d.daily()), intOr(p, "keep.weekly", d.weekly()),
                    intOr(p, "keep.monthly", d.monthly()));
        } catch (IllegalArgumentException e) {
            keep = d;
        }
        return new BackupSettings(folder.isEmpty() ? dataDir.resolve(DEFAULT_FOLDER) : Path.of(folder), keep);
    }

    /** Stores these settings for {@code dataDir}; a folder equal to the default is stored as "default". */
    public void write(Path dataDir) {
        Properties p = new Properties();
        p.setProperty("folder", folder.equals(dataDir.resolve(DEFAULT_FOLDER)) ? "" : folder.toAbsolutePath().toString());
        p.setProperty("keep.daily", Integer.toString(retention.daily()));
        p.setProperty("keep.weekly", Integer.toString(retention.weekly()));
        p.setProperty("keep.monthly", Integer.toString(retention.monthly()));
        Path file = dataDir.resolve(FILE);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dataDir);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "FanKeep backups");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intOr(Properties p, String key, int fallback) {
        try {
            return Integer.parseInt(p.getProperty(key, Integer.toString(fallback)).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
