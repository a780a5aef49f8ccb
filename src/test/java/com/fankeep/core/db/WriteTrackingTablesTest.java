package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables a write names (ADR 0025): what a cache of derived facts reads again; unknown writes count as all. */
class WriteTrackingTablesTest {

    @Test
    void namesTheTargetOfEachKindOfWrite() {
        assertThat(WriteTracking.table("insert into customer_tier (customer_id, tier) values (?, ?)")).isEqualTo("customer_tier");
        assertThat(WriteTracking.table("insert into \"PUBLIC\".\"ORDER_LINE\" (\"ORDER_ID\") values (?)")).isEqualTo("order_line");
        assertThat(WriteTracking.table("  UPDATE \"CUSTOMER\" set \"CITY\" = ? where \"ID\" = ?")).isEqualTo("customer");
        assertThat(WriteTracking.table("delete from customer_tag where customer_id = ?")).isEqualTo("customer_tag");
        assertThat(WriteTracking.table("merge into fan_group_member key (group_id) values (?)")).isEqualTo("fan_group_member");
        assertThat(WriteTracking.table("select \"ID\" from final table (update \"CUSTOMER\" set \"NOTE\" = ?)")).isEqualTo("customer");
        assertThat(WriteTracking.table("select id from customer where id in (1, 2) for update")).as("a lock writes nothing").isEmpty();
    }

    @Test
    void whatItCannotNameCountsAsEveryTable() {
        assertThat(WriteTracking.table("delete from customer where created_batch_id = ?")).as("cascades").isNull();
        assertThat(WriteTracking.table("alter table customer add x int")).isNull();
        assertThat(WriteTracking.table("call something()")).isNull();
        assertThat(WriteTracking.table("with x as (select 1) insert into tag select * from x")).isNull();
    }

    @Test
    void changesSinceAVersionListTheTablesWrittenAfterIt(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("data"))) {
            long before = db.dataVersion();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("insert into tag (name) values ('送礼')");
            }
            DataChanges afterTag = db.dataChangesSince(before);
            assertThat(afterTag.tables()).containsExactly("tag");
            assertThat(afterTag.version()).isEqualTo(db.dataVersion());
            db.dsl().execute("update customer set note = 'x' where id = -1");
            assertThat(db.dataChangesSince(afterTag.version()).tables()).containsExactly("customer");
            assertThat(db.dataChangesSince(before).tables()).containsExactlyInAnyOrder("tag", "customer");
            db.dsl().execute("delete from customer where id = -1");
            assertThat(db.dataChangesSince(before).tables()).as("a delete of customers cascades: unknown").isNull();
            assertThat(db.dataChangesSince(db.dataVersion()).tables()).isEmpty();
        }
    }
}
