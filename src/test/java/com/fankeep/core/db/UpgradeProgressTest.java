package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.backup.UpgradeBackup;
import com.fankeep.testing.OlderSchema;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open that updates older data tells what it does (ADR 0048): first that it updates (before the backup), then the
 * backup, each migration in order and V0196's own progress; a cancel stops it, deletes the copy being migrated and
 * leaves the old file as it was. A new folder and up-to-date data report nothing.
 */
class UpgradeProgressTest {

    @TempDir
    Path dir;

    @Test
    void anUpdateReportsTheBackupThenEachMigrationAndV0196sOwnProgress() throws Exception {
        OlderSchema.copyWithOneCustomer(dir, "195");
        Recorder events = new Recorder(e -> false);

        UpgradeBackup.open(dir, null, Clock.systemUTC(), events).close();

        int pending = TestDatabases.migrationVersions().size() - TestDatabases.migrationVersions().indexOf("0195") - 1;
        assertThat(events.seen.get(0)).isEqualTo("updating " + pending);
        assertThat(events.seen.get(1)).isEqualTo("backup");
        List<String> migrations = events.seen.stream().filter(s -> s.startsWith("migration")).toList();
        assertThat(migrations).hasSize(pending);
        assertThat(migrations.get(0)).isEqualTo("migration 1/" + pending + " 0196");
        assertThat(migrations.getLast()).startsWith("migration " + pending + "/" + pending + " ");
        assertThat(events.seen).contains("step 1000/1000");
        assertThat(events.seen.indexOf("step 1000/1000")).isLessThan(events.seen.indexOf(migrations.get(1)));
    }

    @Test
    void aCancelBetweenMigrationsLeavesTheOldFileAsItWasAndNoCopy() throws Exception {
        OlderSchema.copyWithOneCustomer(dir, "195");
        Recorder events = new Recorder(e -> e.startsWith("migration 2/"));

        List<LogRecord> log = logged(() -> assertThatThrownBy(() -> UpgradeBackup.open(dir, null, Clock.systemUTC(), events))
                .isInstanceOf(UpgradeCancelledException.class));

        assertCancelledAndUnchanged(events);
        assertOneCalmLine(log);
    }

    @Test
    void aCancelInsideV0196StopsItThere() throws Exception {
        OlderSchema.copyWithOneCustomer(dir, "195");
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME) + Database.URL_OPTIONS,
                "sa", ""); var st = c.createStatement()) {
            st.execute("insert into customer (name) select '顾客' || x from system_range(1, 6000)"); // past its first report
        }
        Recorder events = new Recorder(e -> e.startsWith("step "));

        List<LogRecord> log = logged(() -> assertThatThrownBy(() -> UpgradeBackup.open(dir, null, Clock.systemUTC(), events))
                .isInstanceOf(UpgradeCancelledException.class));
        // Flyway said "Migration … failed! Please restore backups and roll back database and code!" (SEVERE) here
        assertOneCalmLine(log);

        assertThat(events.seen.stream().filter(s -> s.startsWith("migration")).toList()).hasSize(1);
        assertThat(events.seen).as("stopped while it read the tables").doesNotContain("step 1000/1000");
        assertCancelledAndUnchanged(events);
    }

    @Test
    void aNewFolderAndUpToDateDataReportNothing() {
        Recorder events = new Recorder(e -> true);
        Database.open(dir, null, null, events).close();
        Database.open(dir, null, null, events).close();
        assertThat(events.seen).isEmpty();
    }

    private void assertCancelledAndUnchanged(Recorder events) throws Exception {
        assertThat(events.fileAtFirstMigration).as("the old file was closed when the migrations began").isNotNull();
        assertThat(sha(dir.resolve("fankeep.mv.db"))).as("not a byte of the old file changed since")
                .isEqualTo(events.fileAtFirstMigration);
        assertThat(dir.resolve("fankeep-migrating.mv.db")).doesNotExist();
        // the folder is free again and still the older schema: the next start updates it
        Recorder again = new Recorder(e -> false);
        try (Database db = Database.open(dir, null, null, again)) {
            assertThat(db.dsl().fetchOne("select name from customer order by id limit 1").get(0, String.class)).isEqualTo("王芳");
        }
        assertThat(again.seen).isNotEmpty();
    }

    /**
     * A cancel is the owner's choice, not a failure: one INFO line says the update was cancelled; nothing at WARNING or
     * above, no stack trace.
     */
    private static void assertOneCalmLine(List<LogRecord> log) {
        assertThat(log.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).map(LogRecord::getMessage))
                .as("warnings and errors").isEmpty();
        assertThat(log.stream().filter(r -> r.getThrown() != null).map(LogRecord::getMessage)).as("stack traces").isEmpty();
        assertThat(log.stream().filter(r -> r.getMessage().contains("cancel")).map(LogRecord::getLevel).toList())
                .as("lines about the cancel").containsExactly(Level.INFO);
    }

    /** What FanKeep and Flyway log at INFO and above while {@code work} runs (the tests' logging shows WARNING and above). */
    private static List<LogRecord> logged(Runnable work) {
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        List<Logger> loggers = List.of(Logger.getLogger("com.fankeep"), Logger.getLogger("org.flywaydb"));
        List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
        loggers.forEach(l -> {
            l.setLevel(Level.INFO);
            l.addHandler(capture);
        });
        try {
            work.run();
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).removeHandler(capture);
                loggers.get(i).setLevel(levels.get(i));
            }
        }
        return records;
    }

    private static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Notes every report; cancels once an event {@code cancelAt} accepts was reported. */
    private final class Recorder implements UpgradeProgress {
        final List<String> seen = new ArrayList<>();
        private final Predicate<String> cancelAt;
        private boolean cancel;
        String fileAtFirstMigration;

        Recorder(Predicate<String> cancelAt) {
            this.cancelAt = cancelAt;
        }

        private void note(String event) {
            seen.add(event);
            cancel |= cancelAt.test(event);
        }

        @Override
        public void updating(DataSource current, int pending) {
            note("updating " + pending);
        }

        @Override
        public void backingUp() {
            note("backup");
        }

        @Override
        public void migration(int index, int total, String version, String description) {
            if (fileAtFirstMigration == null) {
                try {
                    fileAtFirstMigration = sha(dir.resolve("fankeep.mv.db"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            note("migration " + index + "/" + total + " " + version);
        }

        @Override
        public void step(long done, long total) {
            note("step " + done + "/" + total);
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }
    }
}
