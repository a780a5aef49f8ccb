package com.fankeep.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Facts at the last clean close (ADR 0047, was two files: ADR 0035's backed-up mark and ADR 0037's close notes), written
 * beside the database after it closed, with the file's identity as that close left it — size, modification time, file
 * key and a hash of its first 8 KB (H2's store headers, rewritten by every clean close) — and the build's schema. They
 * hold only while the file is exactly that: a change by anyone (another FanKeep, an older one, a tool, a restore, a
 * crash after writes) makes them not match. Two kinds of fact:
 * <ul>
 *   <li>the backup that holds the data ({@link Facts#backup}): survives an open, since only a change of the file ends it;</li>
 *   <li>notes of services ({@link Facts#notes}): taken out at a writable open, so a session that does not close
 *       cleanly leaves none, and a reader that does not open the file ({@code stats}) sees none while one is open.</li>
 * </ul>
 */
final class LastClose {

    private static final Logger LOG = LoggerFactory.getLogger(LastClose.class);
    static final String FILE_NAME = "last-close.properties";
    /** The two files this one replaced: read no more (their facts are redone at the next close), deleted at an open. */
    private static final String[] OLD_FILES = {"backed-up.properties", "close-notes.properties"};
    private static final String NOTE = "note.";
    private static final int HEAD_BYTES = 8192;

    /** What the last clean close left; {@link #NONE} when the file is not as it left it. */
    record Facts(Optional<String> backup, Map<String, String> notes) {
        static final Facts NONE = new Facts(Optional.empty(), Map.of());
    }

    private LastClose() {
    }

    /** The facts when {@code dbFile} is exactly as the last clean close left it, at this build's schema; changes nothing. */
    static Facts read(Path dataDir, Path dbFile) {
        return read(dataDir, Files.isRegularFile(dbFile) ? identityOrNull(dbFile) : null);
    }

    private static Facts read(Path dataDir, String identity) {
        Path file = dataDir.resolve(FILE_NAME);
        if (identity == null || !Files.isRegularFile(file)) {
            return Facts.NONE;
        }
        try (InputStream in = Files.newInputStream(file)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            if (!identity.equals(p.getProperty("file")) || !schema().equals(p.getProperty("schema"))) {
                return Facts.NONE;
            }
            String backup = p.getProperty("backup");
            Map<String, String> notes = new HashMap<>();
            p.stringPropertyNames().stream().filter(n -> n.startsWith(NOTE))
                    .forEach(n -> notes.put(n.substring(NOTE.length()), p.getProperty(n)));
            return new Facts(Optional.ofNullable(backup).filter(b -> !b.isBlank()), Map.copyOf(notes));
        } catch (IOException | RuntimeException e) {
            return Facts.NONE;
        }
    }

    /**
     * At a writable open, before H2 touches the file: the facts ({@link #read}), and the notes taken out of the file
     * (the backup fact stays for the next open, unless the file no longer matches: then nothing stays).
     */
    static Facts take(Path dataDir, Path dbFile) {
        for (String old : OLD_FILES) {
            delete(dataDir.resolve(old));
        }
        String identity = Files.isRegularFile(dbFile) ? identityOrNull(dbFile) : null;
        Facts facts = read(dataDir, identity);
        if (facts.backup().isPresent()) {
            if (!facts.notes().isEmpty()) {
                writeFile(dataDir, facts.backup().get(), Map.of(), identity);
            }
        } else {
            clear(dataDir);
        }
        return facts;
    }

    /**
     * After the database closed cleanly: {@code backup} (null: none) holds the data, and {@code notes} hold, for
     * {@code dbFile} as it is now. Nothing to say: the file is deleted.
     */
    static void write(Path dataDir, Path dbFile, String backup, Map<String, String> notes) {
        if (backup == null && notes.isEmpty()) {
            clear(dataDir);
            return;
        }
        writeFile(dataDir, backup, notes, identityOrNull(dbFile));
    }

    private static void writeFile(Path dataDir, String backup, Map<String, String> notes, String identity) {
        Path file = dataDir.resolve(FILE_NAME);
        Path part = dataDir.resolve(FILE_NAME + ".part");
        try {
            if (identity == null) {
                throw new IOException("the database file cannot be read");
            }
            Properties p = new Properties();
            notes.forEach((k, v) -> p.setProperty(NOTE + k, v));
            if (backup != null) {
                p.setProperty("backup", backup);
            }
            p.setProperty("file", identity);
            p.setProperty("schema", schema());
            try (OutputStream out = Files.newOutputStream(part)) {
                p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "FanKeep: facts at the last clean close");
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            clear(dataDir);
            LOG.warn("could not write {}: {}", FILE_NAME, e.toString());
        }
    }

    static void clear(Path dataDir) {
        delete(dataDir.resolve(FILE_NAME));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file.getFileName(), e.toString());
        }
    }

    private static String identityOrNull(Path dbFile) {
        try {
            return identity(dbFile);
        } catch (IOException e) {
            return null;
        }
    }

    /** The build's migrations, so that facts of a file another build closed are not taken for this one's. */
    private static String schema() throws IOException {
        return String.join(",", new java.util.TreeSet<>(SchemaCheck.bundled()));
    }

    /** Size, modification time, file key and SHA-256 of the first 8 KB (H2's headers): the file as a close left it. */
    static String identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        byte[] head = new byte[HEAD_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head, 0, n);
            return a.size() + "/" + a.lastModifiedTime().toInstant() + "/" + a.fileKey() + "/"
                    + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
