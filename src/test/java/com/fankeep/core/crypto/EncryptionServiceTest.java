package com.fankeep.core.crypto;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.backup.BackupException;
import com.fankeep.core.backup.BackupInfo;
import com.fankeep.core.backup.BackupService;
import com.fankeep.core.backup.RestoreService;
import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.db.KeyFile;
import com.fankeep.core.db.WrongPasswordException;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.PlainText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionServiceTest {

    static final String PHONE = PlainText.PHONE;
    static final String NAME = PlainText.NAME;
    static final char[] OLD = "old secret 旧".toCharArray();
    static final char[] NEW = "new secret 新".toCharArray();

    @TempDir
    Path temp;

    static void addCustomer(Database db, String name, String phone) {
        PlainText.addCustomer(db, name, phone);
    }

    static boolean contains(Path file, String text) throws Exception {
        return PlainText.contains(file, text);
    }

    private Path plainShop() {
        Path dir = temp.resolve("shop");
        try (Database db = Database.open(dir)) {
            addCustomer(db, NAME, PHONE);
        }
        return dir;
    }

    private static DatabaseKey change(Path dir, DatabaseKey from, char[] to) {
        return EncryptionService.change(dir, from, to, Progress.NONE, Cancellation.none(), FolderSwap.Steps.NONE).key();
    }

    @Test
    void anEncryptedFileHoldsNoPhoneOrNameAndOpensOnlyWithItsPassword() throws Exception {
        Path dir = plainShop();
        Path file = dir.resolve("fankeep.mv.db");
        assertThat(contains(file, PHONE)).as("plain file holds the phone (the check below can fail)").isTrue();

        EncryptionService.change(dir, null, OLD, Progress.NONE, Cancellation.none(), FolderSwap.Steps.NONE);

        assertThat(contains(file, PHONE)).isFalse();
        assertThat(contains(file, "Zhang Sanfeng")).isFalse();
        assertThat(contains(file, "张三丰")).isFalse();
        KeyFile key = KeyFile.read(dir).orElseThrow();
        assertThat(key.iterations()).isGreaterThanOrEqualTo(600_000);
        assertThat(key.kdf()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(Files.readString(KeyFile.path(dir))).doesNotContain("old secret").contains("iterations=600000");
        assertThat(EncryptionService.encrypted(dir)).isTrue();

        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(WrongPasswordException.class)
                .matches(e -> ((WrongPasswordException) e).missing());
        assertThatThrownBy(() -> EncryptionService.open(dir, "wrong".toCharArray()))
                .isInstanceOf(WrongPasswordException.class).hasMessageContaining("Wrong password")
                .matches(e -> !((WrongPasswordException) e).missing());
        try (Database db = EncryptionService.open(dir, OLD)) {
            assertThat(db.dsl().fetchValue(CUSTOMER.NAME)).isEqualTo(NAME);
            assertThat(db.encrypted()).isTrue();
            addCustomer(db, "Li Si", "13900001111"); // written encrypted too
        }
        assertThat(contains(file, "13900001111")).isFalse();
        assertThat(FolderSwap.stagingFile(dir)).doesNotExist();
    }

    @Test
    void thePasswordChangesAndEncryptionTurnsOff() throws Exception {
        Path dir = plainShop();
        DatabaseKey old = change(dir, null, OLD);
        DatabaseKey next = change(dir, old, NEW);
        assertThatThrownBy(() -> EncryptionService.open(dir, OLD)).isInstanceOf(WrongPasswordException.class);
        try (Database db = EncryptionService.open(dir, NEW)) {
            assertThat(db.dsl().fetchCount(CONTACT_CHANNEL)).isEqualTo(1);
        }
        assertThat(change(dir, next, null)).isNull();
        assertThat(KeyFile.path(dir)).doesNotExist();
        assertThat(contains(dir.resolve("fankeep.mv.db"), PHONE)).isTrue();
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchValue(CUSTOMER.NAME)).isEqualTo(NAME);
        }
    }

    @Test
    void turningEncryptionOnLeavesNoFreshPlainBackupAndAPasswordChangeKeepsItsEncryptedOne() throws Exception {
        Path dir = plainShop();
        EncryptionService.Result on = EncryptionService.change(dir, null, OLD, Progress.NONE, Cancellation.none(),
                FolderSwap.Steps.NONE);
        assertThat(on.backupBefore()).as("the plain backup taken first is gone").isNull();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(contains(f, PHONE)).as("%s holds the phone in clear", f).isFalse();
            }
        }
        EncryptionService.Result changed = EncryptionService.change(dir, on.key(), NEW, Progress.NONE,
                Cancellation.none(), FolderSwap.Steps.NONE);
        assertThat(changed.backupBefore().file()).exists(); // encrypted under the old password: kept
        assertThat(contains(changed.backupBefore().file(), PHONE)).isFalse();
    }

    static final List<String> STEPS = List.of("backup", "derived", "copied", "reencrypted", "verified", "next-key",
            "swapped", "key");

    /** A "kill" at each step: the folder opens with the old password before the swap, with the new one after, all rows there. */
    @Test
    void aChangeInterruptedAtAnyStepLosesNothing() throws Exception {
        for (String stop : STEPS) {
            Path dir = temp.resolve("at-" + stop);
            DatabaseKey old;
            try (Database db = Database.open(dir)) {
                addCustomer(db, NAME, PHONE);
                addCustomer(db, "Wang Wu", "13700002222");
            }
            old = change(dir, null, OLD);
            assertThatThrownBy(() -> EncryptionService.change(dir, old, NEW, Progress.NONE, Cancellation.none(), step -> {
                if (step.equals(stop)) {
                    throw new SimulatedKill(step);
                }
            })).isInstanceOf(SimulatedKill.class);

            boolean committed = STEPS.indexOf(stop) >= STEPS.indexOf("swapped");
            char[] opens = committed ? NEW : OLD;
            char[] refused = committed ? OLD : NEW;
            try (Database db = EncryptionService.open(dir, opens)) {
                assertThat(db.dsl().fetchCount(CUSTOMER)).as("after a kill at %s", stop).isEqualTo(2);
                assertThat(db.dsl().fetchCount(CONTACT_CHANNEL)).isEqualTo(2);
            }
            assertThatThrownBy(() -> EncryptionService.open(dir, refused)).as(stop).isInstanceOf(WrongPasswordException.class);
            assertThat(FolderSwap.stagingFile(dir).getParent()).doesNotExist();
            assertThat(dir.resolve("fankeep.key.next")).doesNotExist();
            assertThat(contains(dir.resolve("fankeep.mv.db"), PHONE)).isFalse();
        }
    }

    @Test
    void turningEncryptionOnInterruptedAtAnyStepLeavesAPlainOrAnEncryptedFolder() throws Exception {
        for (String stop : STEPS) {
            Path dir = temp.resolve("on-" + stop);
            try (Database db = Database.open(dir)) {
                addCustomer(db, NAME, PHONE);
            }
            assertThatThrownBy(() -> EncryptionService.change(dir, null, NEW, Progress.NONE, Cancellation.none(), step -> {
                if (step.equals(stop)) {
                    throw new SimulatedKill(step);
                }
            })).isInstanceOf(SimulatedKill.class);
            boolean committed = STEPS.indexOf(stop) >= STEPS.indexOf("swapped");
            assertThat(EncryptionService.encrypted(dir)).as(stop).isEqualTo(committed);
            try (Database db = EncryptionService.open(dir, committed ? NEW : null)) {
                assertThat(db.dsl().fetchCount(CONTACT_CHANNEL)).as(stop).isEqualTo(1);
            }
        }
    }

    @Test
    void backupsOfAnEncryptedDatabaseAreEncryptedAndRestoreWithThePasswordTheyWereMadeUnder() throws Exception {
        Path dir = plainShop();
        DatabaseKey old = change(dir, null, OLD);
        BackupInfo underOld;
        try (Database db = Database.open(dir, old)) {
            underOld = new BackupService(db).backupTo(temp.resolve("under-old.zip"));
        }
        assertThat(contains(underOld.file(), PHONE)).isFalse();
        assertThat(contains(underOld.file(), "Zhang Sanfeng")).isFalse();
        assertThat(contains(underOld.file(), "fankeep.key")).as("the key file travels with the backup").isTrue();

        DatabaseKey next = change(dir, old, NEW);
        try (Database db = Database.open(dir, next)) {
            addCustomer(db, "Li Si", "13900001111");
            BackupInfo underNew = new BackupService(db).backupNow();
            assertThat(contains(underNew.file(), "13900001111")).isFalse();
            assertThat(new BackupService(db).verify(underNew.file()).rows("customer")).isEqualTo(2);
            assertThatThrownBy(() -> new BackupService(db).verify(underOld.file()))
                    .isInstanceOf(BackupException.class).extracting(e -> ((BackupException) e).key())
                    .isEqualTo(RestoreService.NEEDS_PASSWORD);
            assertThat(new BackupService(db).verify(underOld.file(), OLD).rows("customer")).isEqualTo(1);
        }

        assertThatThrownBy(() -> RestoreService.restore(dir, underOld.file(), Clock.systemUTC(), next, null))
                .isInstanceOf(BackupException.class).extracting(e -> ((BackupException) e).key())
                .isEqualTo(RestoreService.NEEDS_PASSWORD);
        assertThatThrownBy(() -> RestoreService.restore(dir, underOld.file(), Clock.systemUTC(), next, "nope".toCharArray()))
                .isInstanceOf(BackupException.class).extracting(e -> ((BackupException) e).key())
                .isEqualTo("backup.error.wrongPassword");
        try (Database db = Database.open(dir, next)) {
            assertThat(db.dsl().fetchCount(CUSTOMER)).as("a refused restore changes nothing").isEqualTo(2);
        }

        RestoreService.restore(dir, underOld.file(), Clock.systemUTC(), next, OLD);

        // the folder now has the backup's database and password
        try (Database db = EncryptionService.open(dir, OLD)) {
            assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(1);
        }
        assertThatThrownBy(() -> EncryptionService.open(dir, NEW)).isInstanceOf(WrongPasswordException.class);
        assertThat(contains(dir.resolve("fankeep.mv.db"), PHONE)).isFalse();
    }

    @Test
    void noSearchIndexSnapshotIsKeptBesideAnEncryptedDatabase() throws Exception {
        Path dir = plainShop();
        Path snapshot = dir.resolve(com.fankeep.core.customer.CustomerSearchService.SNAPSHOT_FILE);
        try (Database db = Database.open(dir)) {
            var search = new com.fankeep.core.customer.CustomerSearchService(db);
            search.buildAsync(Runnable::run, Progress.NONE, Cancellation.none()).get();
            search.saveSnapshot();
        }
        assertThat(contains(snapshot, PHONE.substring(3))).as("a plain snapshot holds phone digits").isTrue();
        DatabaseKey key = change(dir, null, OLD);
        assertThat(snapshot).doesNotExist();
        try (Database db = Database.open(dir, key)) {
            var search = new com.fankeep.core.customer.CustomerSearchService(db);
            search.buildAsync(Runnable::run, Progress.NONE, Cancellation.none()).get();
            search.saveSnapshot();
            assertThat(snapshot).doesNotExist();
        }
    }

    /** Another process (here the CLI) must not open the old file while it is being replaced: it would write into it. */
    @Test
    void anotherProcessIsKeptOutWhileTheFileIsReplaced() throws Exception {
        Path dir = plainShop();
        java.util.List<com.fankeep.testing.JavaProcess.Result> during = new java.util.ArrayList<>();
        EncryptionService.change(dir, null, OLD, Progress.NONE, Cancellation.none(), step -> {
            if (step.equals("reencrypted")) {
                try {
                    during.add(com.fankeep.testing.JavaProcess.run("com.fankeep.Main", "--data-dir", dir.toString(), "stats"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertThat(during).hasSize(1);
        assertThat(during.getFirst().exitCode()).isEqualTo(1);
        assertThat(during.getFirst().err()).contains("already open");
        try (Database db = EncryptionService.open(dir, OLD)) {
            assertThat(db.dsl().fetchCount(CUSTOMER)).isEqualTo(1);
        }
    }

    @Test
    void aCancelledChangeChangesNothing() throws Exception {
        Path dir = plainShop();
        DatabaseKey old = change(dir, null, OLD);
        Cancellation cancel = Cancellation.none();
        assertThatThrownBy(() -> EncryptionService.change(dir, old, NEW, Progress.NONE, cancel, step -> {
            if (step.equals("copied")) {
                cancel.cancel();
            }
        })).isInstanceOf(com.fankeep.core.shared.CancelledException.class);
        try (Database db = EncryptionService.open(dir, OLD)) {
            assertThat(db.dsl().fetchCount(CONTACT_CHANNEL)).isEqualTo(1);
        }
        assertThat(FolderSwap.stagingFile(dir).getParent()).doesNotExist();
    }

    static final class SimulatedKill extends RuntimeException {
        SimulatedKill(String step) {
            super("killed at " + step);
        }
    }
}
