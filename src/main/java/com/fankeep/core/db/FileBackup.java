package com.fankeep.core.db;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;

/**
 * H2's online backup (what {@code BACKUP TO} does: the store flushed, then the file copied while H2 writes no chunk
 * over the old ones, a transactionally consistent copy), with the fastest deflate level instead of the default:
 * 6.5 s instead of 21 s of CPU for a 556 MB file of 1,000,000 orders, 222 MB instead of 199 MB (ADR 0035).
 */
public final class FileBackup {

    private FileBackup() {
    }

    /** Writes a zip holding the database file of {@code c} (an embedded H2 connection) to {@code zip}. */
    public static void zipTo(Connection c, Path zip) throws SQLException, IOException {
        org.h2.jdbc.JdbcConnection h2 = c.unwrap(org.h2.jdbc.JdbcConnection.class);
        org.h2.engine.Database db = ((org.h2.engine.SessionLocal) h2.getSession()).getDatabase();
        org.h2.mvstore.db.Store store = db.getStore();
        try (OutputStream file = Files.newOutputStream(zip);
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            out.setLevel(Deflater.BEST_SPEED);
            store.flush();
            synchronized (db.getLobSyncObject()) { // as BACKUP TO: no temporary LOB file comes or goes meanwhile
                store.getMvStore().getFileStore().backup(out);
            }
        }
    }
}
