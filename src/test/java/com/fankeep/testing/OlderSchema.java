package com.fankeep.testing;

import com.fankeep.core.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/** A data folder as an older FanKeep left it: the migrations up to {@code version} only, and one customer (王芳). */
public final class OlderSchema {

    private OlderSchema() {
    }

    private static final java.util.Map<String, Path> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * As {@link #withOneCustomer}, from a copy of a folder made once per JVM and version (migrating one by one to an
     * older version takes seconds on a busy machine). The copy is only read.
     */
    public static void copyWithOneCustomer(Path dir, String version) throws Exception {
        Path made = MADE.get(version);
        if (made == null) {
            made = java.nio.file.Files.createTempDirectory("fankeep-older-" + version);
            withOneCustomer(made, version);
            made.toFile().deleteOnExit();
            made.resolve(Database.FILE_NAME + ".mv.db").toFile().deleteOnExit();
            MADE.put(version, made);
        }
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.copy(made.resolve(Database.FILE_NAME + ".mv.db"), dir.resolve(Database.FILE_NAME + ".mv.db"));
    }

    public static void withOneCustomer(Path dir, String version) throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(Database.FILE_NAME) + Database.URL_OPTIONS,
                "sa", "");
        try {
            Flyway.configure().dataSource(pool).locations(Database.MIGRATIONS).target(version).load().migrate();
            try (Connection c = pool.getConnection(); var s = c.createStatement()) {
                s.execute("insert into customer (name) values ('王芳')");
            }
        } finally {
            pool.dispose();
        }
    }
}
