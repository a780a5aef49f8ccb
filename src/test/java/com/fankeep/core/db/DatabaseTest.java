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
            assertThat(info.appliedMigrations()).hasSize(TestDatabases.migrationVersions().size());
            assertThat(info.schemaVersion()).isEqualTo(TestDatabases.latestMigration());
            assertThat(info.engineVersion()).startsWith("2.4.240");
            assertThat(info.durability()).startsWith("WRITE_DELAY=0 ");
        }
    }

    @Test
    void aCopyLeftByAMigrationThatWasKilledIsThrownAwayAndTheMigrationDoneAgain() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        Path leftover = Files.writeString(data.resolve("fankeep-migrating.mv.db"), "half a migration");
        try (Database db = TestDatabases.fresh(temp)) {
            assertThat(new DatabaseInfoService(db).info().schemaVersion()).isEqualTo(TestDatabases.latestMigration());
        }
        assertThat(leftover).doesNotExist();
        assertThat(data.resolve("fankeep.mv.db")).exists();
    }

    @Test
    void noImportedTableKeepsTwoIndexesOnTheSameColumns() {
        // each index is written on every insert; a duplicate (an explicit index beside the one H2 makes for a foreign
        // key) doubles that cost for nothing (V0008). Checked on the tables an import fills by the million.
        try (Database db = TestDatabases.fresh(temp)) {
            List<String> duplicates = db.dsl().fetch("select table_name, listagg(column_name, ',') within group "
                            + "(order by ordinal_position) as cols from information_schema.index_columns "
                            + "where table_schema = 'PUBLIC' and table_name in ('SHOP_ORDER', 'ORDER_LINE', 'CUSTOMER', "
                            + "'CONTACT_CHANNEL', 'CUSTOMER_MATCH', 'CUSTOMER_SPEND', 'IMPORT_PROBLEM', 'AUDIT_LOG') "
                            + "group by table_name, index_name")
                    .stream()
                    .map(r -> r.get(0, String.class) + "(" + r.get(1, String.class) + ")")
                    .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()))
                    .entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey).toList();
            assertThat(duplicates).isEmpty();
        }
    }

    @Test
    void importedRowsCarryTheirBatchWithoutAForeignKey() {
        try (Database db = TestDatabases.fresh(temp)) {
            List<String> batchKeys = db.dsl().fetch("select tc.table_name, k.column_name from information_schema.table_constraints tc "
                            + "join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name "
                            + "where tc.constraint_type = 'FOREIGN KEY' and k.column_name in ('IMPORT_BATCH_ID', 'CREATED_BATCH_ID')")
                    .stream().map(r -> r.get(0, String.class) + "." + r.get(1, String.class)).toList();
            assertThat(batchKeys).doesNotContain("SHOP_ORDER.IMPORT_BATCH_ID", "ORDER_LINE.IMPORT_BATCH_ID",
                    "CONTACT_CHANNEL.IMPORT_BATCH_ID", "CUSTOMER.CREATED_BATCH_ID");
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
            assertThat(new DatabaseInfoService(db).info().appliedMigrations()).hasSize(TestDatabases.migrationVersions().size());
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
            assertThat(sql).isNotEmpty();
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
