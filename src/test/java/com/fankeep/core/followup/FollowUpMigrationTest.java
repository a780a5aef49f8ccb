package com.fankeep.core.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 commits each DDL statement: a process killed inside V0030 leaves part of it done, and the next start reruns it. */
class FollowUpMigrationTest {

    @TempDir
    Path temp;

    @Test
    void v0030RunsAgainAfterHavingBeenInterruptedHalfway() throws Exception {
        Path dir = temp.resolve("data");
        java.nio.file.Files.createDirectories(dir);
        // A database of the schema before V0030, built by Flyway itself (so later migrations need no undoing here),
        // then V0030's first statement done, as if the process had been killed right after it.
        String url = "jdbc:h2:file:" + dir.resolve(Database.FILE_NAME) + Database.URL_OPTIONS;
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations(Database.MIGRATIONS)
                .target("0020").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("alter table follow_up add column if not exists scheduled_date date");
            s.execute("shutdown");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchValue("select count(*) from information_schema.columns where lower(table_name) = 'follow_up'"
                    + " and lower(column_name) in ('scheduled_date', 'anchor_date')", Long.class)).isEqualTo(2L);
            assertThat(db.dsl().fetchValue("select count(*) from message_template", Long.class)).isEqualTo(10L);
        }
    }
}
