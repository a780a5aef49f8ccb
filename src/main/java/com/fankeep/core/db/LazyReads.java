package com.fankeep.core.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whole-table reads with H2 streaming their results: H2 otherwise copies a whole result into a temporary store on disk
 * before the first row (1,000,000 orders written out and read back were 40% of a scan; as ScanRows.lazily). The session
 * setting is reset before the connection goes back.
 */
public final class LazyReads {

    private LazyReads() {
    }

    public interface Work<T> {
        T run() throws SQLException;
    }

    public static <T> T run(Connection c, Work<T> work) throws SQLException {
        boolean h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
        if (h2) {
            set(c, true);
        }
        try {
            return work.run();
        } finally {
            if (h2) {
                set(c, false);
            }
        }
    }

    private static void set(Connection c, boolean on) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("set lazy_query_execution " + on);
        }
    }
}
