package com.fankeep.core.crypto;

import com.fankeep.core.db.Database;
import com.fankeep.core.db.DatabaseKey;
import com.fankeep.core.db.FolderSwap;
import com.fankeep.core.db.KeyFile;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Measures (not a test): the KDF (PBKDF2-HMAC-SHA256, 600,000 rounds) on this machine, then turning encryption on,
 * changing the password and opening, for a database of N customers with a phone each, filled by SQL.
 * Usage: EncryptionMeasurement CUSTOMERS WORKDIR
 */
public final class EncryptionMeasurement {

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        com.fankeep.core.shared.Folders.deleteTree(work);
        char[] password = "correct horse battery staple".toCharArray();
        KeyFile.Unlocked created = KeyFile.create(password);
        for (int i = 1; i <= 5; i++) {
            long t = System.nanoTime();
            created.file().unlock(password).orElseThrow();
            System.out.printf("kdf run %d: %d ms (%d iterations)%n", i, (System.nanoTime() - t) / 1_000_000, created.file().iterations());
        }
        Path dir = work.resolve("data");
        try (Database db = Database.open(dir); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into customer(name) select 'Customer ' || x from system_range(1, " + customers + ")");
            s.execute("insert into contact_channel(customer_id, kind, raw_value) select id, 'phone', '138' || lpad(id, 8, '0') from customer");
        }
        System.out.printf("database file: %,d bytes, %,d customers%n", Files.size(dir.resolve("fankeep.mv.db")), customers);
        long t = System.nanoTime();
        DatabaseKey key = EncryptionService.change(dir, null, password, Progress.NONE, Cancellation.none(), FolderSwap.Steps.NONE).key();
        System.out.printf("encrypt (backup, KDF, copy, re-encrypt, verify, swap, open): %d ms%n", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        EncryptionService.change(dir, key, "another one".toCharArray(), Progress.NONE, Cancellation.none(), FolderSwap.Steps.NONE);
        System.out.printf("change password: %d ms%n", (System.nanoTime() - t) / 1_000_000);
        t = System.nanoTime();
        try (Database db = EncryptionService.open(dir, "another one".toCharArray())) {
            System.out.printf("unlock + open encrypted: %d ms (%d customers)%n", (System.nanoTime() - t) / 1_000_000,
                    db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER));
        }
        System.out.printf("encrypted file: %,d bytes%n", Files.size(dir.resolve("fankeep.mv.db")));
    }
}
