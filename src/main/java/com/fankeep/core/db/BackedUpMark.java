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
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "The closed database file holds the same data as backup X" (ADR 0035), written beside the file after a close, read
 * before the next open. It names the file as it was left — size, modification time, file key and a hash of its first
 * 8 KB (H2's store headers, rewritten by every clean close) — so any later change by anyone (another FanKeep, an older
 * one, a restore, a crash after writes) makes it not match, and then the app backs up on exit as before.
 */
final class BackedUpMark {

    private static final Logger LOG = LoggerFactory.getLogger(BackedUpMark.class);
    static final String FILE_NAME = "backed-up.properties";
    private static final int HEAD_BYTES = 8192;

    private BackedUpMark() {
    }

    /** The backup's name when the mark exists and {@code dbFile} is exactly as the mark saw it; else empty. */
    static Optional<String> read(Path dataDir, Path dbFile) {
        Path mark = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(mark) || !Files.isRegularFile(dbFile)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(mark)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            String backup = p.getProperty("backup");
            return backup != null && !backup.isBlank() && identity(dbFile).equals(p.getProperty("file"))
                    ? Optional.of(backup) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** After the database is closed: {@code dbFile} as it is now holds the data of {@code backup}. */
    static void write(Path dataDir, Path dbFile, String backup) {
        Path mark = dataDir.resolve(FILE_NAME);
        Path part = dataDir.resolve(FILE_NAME + ".part");
        try {
            Properties p = new Properties();
            p.setProperty("backup", backup);
            p.setProperty("file", identity(dbFile));
            try (OutputStream out = Files.newOutputStream(part)) {
                p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "FanKeep: the database equals this backup");
            }
            Files.move(part, mark, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            clear(dataDir);
            LOG.warn("could not note that the database equals its newest backup: {}", e.toString());
        }
    }

    static void clear(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", FILE_NAME, e.toString());
        }
    }

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
