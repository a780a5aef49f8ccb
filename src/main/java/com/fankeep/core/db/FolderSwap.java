package com.fankeep.core.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the database file and the key file of a data folder together, so that a kill at any moment leaves a folder
 * that opens with the old key or the new one. Two files cannot be renamed at once; the order makes it safe:
 * <ol>
 *   <li>the new database, complete and checked, waits in {@code swap/fankeep.mv.db};</li>
 *   <li>the new key state is written to {@code fankeep.key.next} (a key file, or a "plain" marker) — the commit is
 *       now prepared but not done: {@link #settle} rolls it back;</li>
 *   <li>{@code swap/fankeep.mv.db} is renamed over {@code fankeep.mv.db} — the commit point: from here {@link #settle}
 *       rolls forward;</li>
 *   <li>{@code fankeep.key.next} becomes {@code fankeep.key} (or, for "plain", {@code fankeep.key} is deleted).</li>
 * </ol>
 * {@link #settle} runs before every open, so the folder never stays in between.
 */
public final class FolderSwap {

    private static final Logger LOG = LoggerFactory.getLogger(FolderSwap.class);

    public static final String STAGING_DIR = "swap";
    /** Held (an OS file lock) for the whole of a change; an open meanwhile is refused as "in use". */
    static final String CHANGE_LOCK = "change.lock";
    /** Folders this JVM is changing: its own opens during the change (backup, check) go ahead. */
    private static final java.util.Set<Path> CHANGING = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final String NEXT_KEY = KeyFile.FILE_NAME + ".next";
    private static final String PLAIN = "plain\n";

    /** Told each step as it is done; tests throw from it to stand for a kill there. */
    @FunctionalInterface
    public interface Steps {
        void done(String step);

        Steps NONE = step -> { };
    }

    private FolderSwap() {
    }

    /**
     * Takes the folder for a change of its database file (re-encryption, restore): until it is closed, another
     * process's open is refused as "in use", so nothing it writes can go to a file about to be replaced.
     */
    public static AutoCloseable lockForChange(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(CHANGE_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            java.nio.channels.FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null || !CHANGING.add(dir)) {
                ch.close();
                throw new DatabaseInUseException(dir, null);
            }
            return () -> {
                CHANGING.remove(dir);
                ch.close(); // releases the lock
            };
        } catch (IOException e) {
            throw new DatabaseOpenException(dir, "Cannot lock " + dir + " for the change: " + e.getMessage(), e);
        }
    }

    /** Refuses (as "in use") while another process changes the folder. */
    private static void checkNotChanging(Path dir) throws IOException {
        Path lockFile = dir.resolve(CHANGE_LOCK);
        if (CHANGING.contains(dir) || !Files.exists(lockFile)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new DatabaseInUseException(dir, null);
            }
            lock.release();
        }
    }

    /** Where the new database file must be before {@link #commit}. */
    public static Path stagingFile(Path dataDir) {
        return dataDir.resolve(STAGING_DIR).resolve(Database.FILE_NAME + ".mv.db");
    }

    /** Makes an empty staging folder (a leftover of an interrupted change is removed first). */
    public static Path prepareStaging(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(STAGING_DIR);
        com.fankeep.core.shared.Folders.deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /** Re-encrypts the staged database file in place (H2's ChangeFileEncryption): from {@code from} to {@code to}, null meaning plain. */
    public static void reencryptStaged(Path dataDir, DatabaseKey from, DatabaseKey to) throws java.sql.SQLException {
        org.h2.tools.ChangeFileEncryption.execute(dataDir.resolve(STAGING_DIR).toString(), Database.FILE_NAME, "AES",
                from == null ? null : from.filePassword(), to == null ? null : to.filePassword(), true);
    }

    /**
     * Puts the staged database in place with {@code next} as the folder's key state (empty: not encrypted).
     * The staged file must be complete and checked.
     */
    public static void commit(Path dataDir, Optional<KeyFile> next, Steps steps) throws IOException {
        Path staged = stagingFile(dataDir);
        if (!Files.isRegularFile(staged)) {
            throw new IOException("nothing staged in " + staged.getParent());
        }
        force(staged);
        Path nextKey = dataDir.resolve(NEXT_KEY);
        if (next.isPresent()) {
            next.get().write(nextKey);
        } else {
            Path tmp = dataDir.resolve(NEXT_KEY + ".tmp");
            Files.writeString(tmp, PLAIN);
            force(tmp);
            Files.move(tmp, nextKey, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        forceDir(dataDir);
        steps.done("next-key");
        Files.move(staged, dataDir.resolve(Database.FILE_NAME + ".mv.db"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        forceDir(dataDir);
        steps.done("swapped");
        finish(dataDir);
        steps.done("key");
    }

    /** Completes or undoes a change a kill interrupted; nothing to do in a settled folder. Runs before every open. */
    public static void settle(Path dataDir) {
        dataDir = dataDir.toAbsolutePath().normalize();
        try {
            checkNotChanging(dataDir);
            Files.deleteIfExists(dataDir.resolve(NEXT_KEY + ".tmp"));
            Path nextKey = dataDir.resolve(NEXT_KEY);
            if (Files.exists(nextKey)) {
                if (Files.isRegularFile(stagingFile(dataDir))) {
                    LOG.warn("an interrupted database change in {} was not committed: the previous database stays", dataDir);
                    Files.delete(nextKey);
                } else {
                    LOG.warn("an interrupted database change in {} was committed: finishing it", dataDir);
                    finish(dataDir);
                }
            }
            Path staging = dataDir.resolve(STAGING_DIR);
            if (Files.exists(staging)) {
                com.fankeep.core.shared.Folders.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new DatabaseOpenException(dataDir, "Cannot finish an interrupted change in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void finish(Path dataDir) throws IOException {
        Path nextKey = dataDir.resolve(NEXT_KEY);
        if (PLAIN.equals(Files.readString(nextKey))) {
            Files.deleteIfExists(KeyFile.path(dataDir));
            forceDir(dataDir);
            Files.delete(nextKey);
        } else {
            KeyFile.readFile(nextKey); // refuse a damaged one rather than put it in place
            Files.move(nextKey, KeyFile.path(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        forceDir(dataDir);
    }

    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes renames in {@code dir} durable (Linux, macOS); not possible on Windows, where renames are journaled. */
    static void forceDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("cannot flush folder {}: {}", dir, e.toString());
        }
    }
}
