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
