package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts at the last clean close (ADR 0037, one file since ADR 0047): they hold only for the file exactly as that close
 * left it; a note is taken at a writable open, the backup fact stays.
 */
class LastCloseTest {

    @TempDir
    Path dir;

    @Test
    void aNoteHoldsForTheFileAsTheCloseLeftItOnly() throws Exception {
        try (Database db = Database.open(dir)) {
            db.noteAtClose("x", () -> "yes");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.closeNote("x")).as("the file as the close left it").contains("yes");
            db.noteAtClose("x", () -> "again");
        }
        Path file = dir.resolve("fankeep.mv.db");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        try (Database db = Database.open(dir)) {
            assertThat(db.closeNote("x")).as("the file touched after the close").isEmpty();
            db.noteAtClose("x", () -> "third");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.closeNote("x")).contains("third");
            db.noteAtClose("x", () -> null); // nothing known at this close
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.closeNote("x")).isEmpty();
            assertThat(Files.exists(dir.resolve(LastClose.FILE_NAME))).as("taken at open: a session killed now leaves none").isFalse();
        }
    }

    @Test
    void readWithoutOpeningWhileTheFileIsAsLeftAndNotOnceAWritableOpenTookIt() throws Exception {
        try (Database db = Database.open(dir)) {
            db.noteAtClose("x", () -> "yes");
        }
        assertThat(Database.lastCloseNote(dir, "x")).contains("yes");
        assertThat(Database.lastCloseNote(dir, "x")).as("reading changes nothing").contains("yes");
        try (Database db = Database.openForReading(dir, null, null)) {
            assertThat(db.readOnly()).isTrue();
        }
        assertThat(Database.lastCloseNote(dir, "x")).as("a read-only open leaves the file as it was").contains("yes");
        try (Database db = Database.open(dir)) {
            assertThat(Database.lastCloseNote(dir, "x")).as("while a writer has it open").isEmpty();
        }
        assertThat(Database.lastCloseNote(dir, "x")).as("that writer noted nothing at its close").isEmpty();
    }

    @Test
    void aChangedSizeTimeOrHeaderOrAnotherSchemaIsNotTheFileTheCloseLeft() throws Exception {
        Path file = dir.resolve("fankeep.mv.db");
        noteAndClose();
        FileTime closedAt = Files.getLastModifiedTime(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() + 4096); // size
        }
        Files.setLastModifiedTime(file, closedAt); // same time, same header
        assertThat(Database.lastCloseNote(dir, "x")).as("size").isEmpty();
        Files.delete(file);

        noteAndClose();
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));
        assertThat(Database.lastCloseNote(dir, "x")).as("modification time").isEmpty();

        noteAndClose();
        FileTime time = Files.getLastModifiedTime(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(100);
            int b = f.read();
            f.seek(100);
            f.write(b ^ 1); // one bit of H2's header, same size
        }
        Files.setLastModifiedTime(file, time); // same time
        assertThat(Database.lastCloseNote(dir, "x")).as("header").isEmpty();

        Files.delete(file);
        noteAndClose();
        Path facts = dir.resolve(LastClose.FILE_NAME);
        Files.writeString(facts, Files.readString(facts).replaceFirst("(?m)^schema=", "schema=9999,"));
        assertThat(Database.lastCloseNote(dir, "x")).as("another build's schema").isEmpty();

        noteAndClose();
        Files.createDirectories(dir.resolve(FolderSwap.STAGING_DIR));
        assertThat(Database.lastCloseNote(dir, "x")).as("an interrupted change").isEmpty();
    }

    @Test
    void theBackupFactSurvivesAnOpenTheNotesDoNot() throws Exception {
        Path file = dir.resolve("fankeep.mv.db");
        try (Database db = Database.open(dir)) {
            db.noteAtClose("x", () -> "yes");
        }
        LastClose.write(dir, file, "backup-1.zip", Map.of("x", "yes")); // as a close with a backup holding the data
        LastClose.Facts taken = LastClose.take(dir, file);
        assertThat(taken.backup()).contains("backup-1.zip");
        assertThat(taken.notes()).containsEntry("x", "yes");
        LastClose.Facts after = LastClose.read(dir, file);
        assertThat(after.backup()).as("a backup mark survives an open").contains("backup-1.zip");
        assertThat(after.notes()).as("a note is taken at open").isEmpty();
    }

    private void noteAndClose() {
        try (Database db = Database.open(dir)) {
            db.noteAtClose("x", () -> "yes");
        }
        assertThat(Database.lastCloseNote(dir, "x")).contains("yes");
    }
}
