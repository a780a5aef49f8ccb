package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fact noted at a clean close holds at the next open only for the file exactly as that close left it (ADR 0037). */
class CloseNotesTest {

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
            assertThat(Files.exists(dir.resolve(CloseNotes.FILE_NAME))).as("taken at open: a session killed now leaves none").isFalse();
        }
    }
}
