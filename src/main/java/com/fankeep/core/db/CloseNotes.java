package com.fankeep.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Facts a service knew of the data when the database was closed cleanly ("the dashboard aggregates matched the
 * orders", ADR 0037), written beside the file after the close with the file's identity ({@link BackedUpMark#identity}),
 * read and deleted before the next open touches the file. They hold only if the file is exactly as that close left
 * it: a crash, a kill, another program, an older FanKeep, a restore or a migration leaves no valid note.
 */
final class CloseNotes {

    private static final Logger LOG = LoggerFactory.getLogger(CloseNotes.class);
    static final String FILE_NAME = "close-notes.properties";
    private static final String PREFIX = "note.";

    private CloseNotes() {
    }

    /** The notes when the file is as the last clean close left it (else none); the note file is deleted either way. */
    static Map<String, String> take(Path dataDir, Path dbFile) {
        Path file = dataDir.resolve(FILE_NAME);
        Map<String, String> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (InputStream in = Files.newInputStream(file)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            if (Files.isRegularFile(dbFile) && BackedUpMark.identity(dbFile).equals(p.getProperty("file"))) {
                p.stringPropertyNames().stream().filter(n -> n.startsWith(PREFIX))
                        .forEach(n -> out.put(n.substring(PREFIX.length()), p.getProperty(n)));
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        clear(dataDir); // a session that ends without a clean close leaves none
        return out;
    }

    /** After the database is closed: these facts hold for {@code dbFile} as it is now. Nothing written when there are none. */
    static void write(Path dataDir, Path dbFile, Map<String, String> notes) {
        if (notes.isEmpty()) {
            clear(dataDir);
            return;
        }
        Path file = dataDir.resolve(FILE_NAME);
        Path part = dataDir.resolve(FILE_NAME + ".part");
        try {
            Properties p = new Properties();
            notes.forEach((k, v) -> p.setProperty(PREFIX + k, v));
            p.setProperty("file", BackedUpMark.identity(dbFile));
            try (OutputStream out = Files.newOutputStream(part)) {
                p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "FanKeep: facts known at the last clean close");
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            clear(dataDir);
            LOG.warn("could not write {}: {}", FILE_NAME, e.toString());
        }
    }

    static void clear(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", FILE_NAME, e.toString());
        }
    }
}
