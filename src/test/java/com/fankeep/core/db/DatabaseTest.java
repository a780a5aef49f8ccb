package com.fankeep.core.db;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repository-level checks of schema v1 on a real, freshly migrated H2 file. */
class DatabaseTest {

    @TempDir
    Path temp;

    @Test
    void openCreatesTheFileAndAppliesEveryMigration() {
        try (Database db = TestDatabases.fresh(temp)) {
            assertThat(db.databaseFile()).exists();
            DatabaseInfo info = new DatabaseInfoService(db).info();
            assertThat(info.appliedMigrations()).hasSize(9);
            assertThat(info.schemaVersion()).isEqualTo("0031");
            assertThat(info.engineVersion()).startsWith("2.4.240");
            assertThat(info.durability()).startsWith("WRITE_DELAY=0 ");
        }
    }

    @Test
    void schemaHoldsEveryDomainTable() {
        try (Database db = TestDatabases.fresh(temp)) {
            Set<String> tables = new TreeSet<>(db.dsl().fetch(
                    "select lower(table_name) from information_schema.tables where table_schema = 'PUBLIC'")
                    .getValues(0, String.class));
            assertThat(tables).contains("customer", "customer_spend", "contact_channel", "tag", "customer_tag",
                    "customer_match", "merge_suggestion", "shop_order", "order_line", "import_batch", "import_problem",
                    "mapping_profile", "interaction", "follow_up", "message_template", "fan_group", "fan_group_member",
                    "gift_campaign", "campaign_entry", "launch", "launch_phase", "launch_reservation", "launch_vote",
                    "setting", "audit_log", "erasure_log", "export_log", "export_log_member");
        }
    }

    @Test
    void dataSurvivesCloseAndReopenWithoutRemigrating() {
        Path dir = temp.resolve("data");
        try (Database db = Database.open(dir)) {
            db.transaction(dsl -> dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values("张三").execute());
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.dsl().fetchValue(CUSTOMER.NAME)).isEqualTo("张三");
            assertThat(new DatabaseInfoService(db).info().appliedMigrations()).hasSize(9);
        }
    }

    @Test
    void aSecondOpenOfTheSameFolderInOneProcessIsRefusedAndTheFirstKeepsWorking() {
        Path dir = temp.resolve("data");
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(DatabaseInUseException.class);
            first.transaction(dsl -> dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values("张三").execute());
            assertThat(first.dsl().fetchCount(CUSTOMER)).isEqualTo(1);
        }
        try (Database again = Database.open(dir)) {
            assertThat(again.dsl().fetchCount(CUSTOMER)).isEqualTo(1);
        }
    }

    @Test
    void orderNumberIsUniquePerPlatform() {
        try (Database db = TestDatabases.fresh(temp)) {
            db.transaction(dsl -> insertOrder(dsl, "taobao", "3301", "19.90"));
            db.transaction(dsl -> insertOrder(dsl, "jd", "3301", "19.90"));
            assertThatThrownBy(() -> db.transaction(dsl -> insertOrder(dsl, "taobao", "3301", "5.00")))
                    .isInstanceOf(DataAccessException.class);
            assertThat(db.dsl().fetchCount(SHOP_ORDER)).isEqualTo(2);
        }
    }

    @Test
    void moneyIsExactDecimal() {
        try (Database db = TestDatabases.fresh(temp)) {
            db.transaction(dsl -> {
                insertOrder(dsl, "taobao", "1", "0.10");
                insertOrder(dsl, "taobao", "2", "0.20");
            });
            BigDecimal sum = db.dsl().select(org.jooq.impl.DSL.sum(SHOP_ORDER.PAID_AMOUNT)).from(SHOP_ORDER).fetchOne(0, BigDecimal.class);
            assertThat(sum).isEqualByComparingTo("0.30");
        }
    }

    @Test
    void unknownChannelKindIsRejected() {
        try (Database db = TestDatabases.fresh(temp)) {
            long id = db.transactionResult(dsl -> dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values("李四")
                    .returning(CUSTOMER.ID).fetchOne().getId());
            assertThatThrownBy(() -> db.transaction(dsl -> dsl.insertInto(CONTACT_CHANNEL,
                    CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE).values(id, "fax", "010-1234").execute()))
                    .isInstanceOf(DataAccessException.class);
        }
    }

    @Test
    void deletingACustomerRemovesTheirChannelsButAFailedTransactionChangesNothing() {
        try (Database db = TestDatabases.fresh(temp)) {
            long id = db.transactionResult(dsl -> {
                long cid = dsl.insertInto(CUSTOMER, CUSTOMER.NAME).values("王五").returning(CUSTOMER.ID).fetchOne().getId();
                dsl.insertInto(CONTACT_CHANNEL, CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE)
                        .values(cid, "wechat", "wangwu_88").execute();
                return cid;
            });
            assertThatThrownBy(() -> db.transaction(dsl -> {
                dsl.deleteFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).execute();
                throw new IllegalStateException("boom");
            })).hasMessageContaining("boom");
            assertThat(db.dsl().fetchCount(CONTACT_CHANNEL)).isEqualTo(1);

            db.transaction(dsl -> dsl.deleteFrom(CUSTOMER).where(CUSTOMER.ID.eq(id)).execute());
            assertThat(db.dsl().fetchCount(CONTACT_CHANNEL)).isZero();
        }
    }

    @Test
    void migrationsAreLowerCaseSnakeCaseWithoutQuotedNames() throws Exception {
        Path dir = Path.of("src/main/resources/db/migration");
        try (var files = Files.list(dir)) {
            List<Path> sql = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            assertThat(sql).hasSize(9);
            for (Path p : sql) {
                assertThat(p.getFileName().toString()).matches("V\\d{4}__[a-z_]+\\.sql");
                String text = Files.readString(p);
                assertThat(text).as("%s must not quote identifiers (PostgreSQL portability)", p).doesNotContain("\"");
                assertThat(text.replaceAll("--[^\\n]*", "").replaceAll("'[^']*'", ""))
                        .as("%s must be lower case", p).isEqualTo(text.replaceAll("--[^\\n]*", "").replaceAll("'[^']*'", "").toLowerCase());
            }
        }
    }

    private static void insertOrder(org.jooq.DSLContext dsl, String platform, String externalId, String paid) {
        dsl.insertInto(SHOP_ORDER, SHOP_ORDER.PLATFORM, SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.STATUS, SHOP_ORDER.PAID_AMOUNT)
                .values(platform, externalId, "completed", new BigDecimal(paid)).execute();
    }
}
