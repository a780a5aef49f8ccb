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
    void v0030RunsAgainAfterHavingBeenInterruptedHalfway() {
        Path dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            // as if killed after the first statement: one column there, the rest not, and Flyway never recorded it
            db.dsl().execute("drop index follow_up_reason_idx");
            db.dsl().execute("alter table follow_up drop column anchor_date");
            // the migrations after it never ran either: V0040's columns and indexes go too
            for (String index : new String[] {"city", "tier", "recovery", "nickname", "spend", "channels", "tags"}) {
                db.dsl().execute("drop index customer_sort_" + index + "_idx");
            }
            db.dsl().execute("alter table customer drop column sort_city, sort_tier, sort_nickname, sort_spend, sort_channels, sort_tags");
            db.dsl().execute("create index customer_recovery_idx on customer (recovery_state)");
            db.dsl().execute("delete from \"flyway_schema_history\" where \"version\" in ('0030', '0031', '0040')");
            db.dsl().execute("delete from message_template");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchValue("select count(*) from information_schema.columns where lower(table_name) = 'follow_up'"
                    + " and lower(column_name) in ('scheduled_date', 'anchor_date')", Long.class)).isEqualTo(2L);
            assertThat(db.dsl().fetchValue("select count(*) from message_template", Long.class)).isEqualTo(10L);
        }
    }
}
