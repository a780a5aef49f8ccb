package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.TaobaoExportGenerator;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.identity.IdentityIndex;
import com.fankeep.core.importing.identity.IdentityKey;
import com.fankeep.core.shared.Cancellation;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looking up a file's identity keys matches buyers exactly as reading every stored key does (ADR 0050): the same
 * imports, on the normal path, into a shop with a merged customer, an erased one, a key two live customers share and
 * an owner's WeChat channel, give the same database row for row (customer_match rows, channels, new customers and
 * all) whether the keys are read whole, looked up, or looked up until a budget runs out and then read whole.
 */
class StoredKeysEquivalenceTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path temp;

    @Test
    void lookingUpTheFilesKeysMatchesAsReadingThemAll() throws Exception {
        Path base = temp.resolve("ExportOrderList-base.csv");
        TaobaoExportGenerator.write(base, 600, 11);
        Path more = temp.resolve("ExportOrderList-more.csv");
        TaobaoExportGenerator.write(more, 400, 43, 900_000_000L);
        // the same buyers under new accounts: found by their mobile (a masked one makes a new customer)
        Path renamed = temp.resolve("ExportOrderList-renamed.csv");
        Files.write(renamed, Files.readAllLines(more, GBK).stream().limit(200)
                .map(l -> l.replace(",buyer_", ",renamed_").replace("=\"30000000009", "=\"30000000008")).toList(), GBK);
        List<ImportRequest> imports = List.of(
                ImportRequest.of(Path.of("sample-data/taobao/ExportOrderList202403151030.csv"),
                        Path.of("sample-data/taobao/ExportOrderDetailList202403151030.csv"), base,
                        Path.of("sample-data/shopify/orders_export_1.csv")),
                ImportRequest.of(more, renamed, Path.of("sample-data/contacts/google_contacts.csv"),
                        Path.of("sample-data/shopify/customers_export.csv"),
                        Path.of("sample-data/contacts/iphone_contacts_vcard30.vcf")));
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(1);

        Map<String, List<String>> all = importAndDump("all", StoredKeys.Reading.READ_ALL, imports, start);
        Map<String, List<String>> lookedUp = importAndDump("looked-up", StoredKeys.Reading.LOOK_UP, imports, start);
        Map<String, List<String>> switched = importAndDump("switched", new StoredKeys.Reading(150L), imports, start);

        List<String> matches = all.get("customer_match");
        assertThat(matches.stream().filter(m -> m.contains("MATCHED_BY=mobile")).count()).as("matched by mobile").isGreaterThan(30);
        assertThat(matches.stream().filter(m -> m.contains("MATCHED_BY=platform_account")).count()).isGreaterThan(30);
        assertThat(matches.stream().filter(m -> m.contains("MATCHED_BY=email")).count()).as("matched by e-mail").isPositive();
        for (Map<String, List<String>> other : List.of(lookedUp, switched)) {
            assertThat(other.keySet()).isEqualTo(all.keySet());
            for (String table : all.keySet()) {
                assertThat(other.get(table)).as("rows of %s", table).containsExactlyElementsOf(all.get(table));
            }
        }
    }

    @Test
    void aFileSmallAgainstTheShopHasItsKeysLookedUpAndABiggerOneReadsThemAll() throws Exception {
        Path base = temp.resolve("ExportOrderList-base.csv");
        TaobaoExportGenerator.write(base, 600, 11);
        try (Database db = Database.open(temp.resolve("rule"))) {
            new ImportService(db).bulkPolicy(BulkPolicy.NEVER).importNow(ImportRequest.of(base), (d, t, m) -> { },
                    Cancellation.none());
            try (Connection c = db.dataSource().getConnection()) {
                ImportRepository repo = new ImportRepository(c);
                long customers = repo.liveCustomers();
                assertThat(customers).isEqualTo(180);
                long budget = customers * StoredKeys.CHANNELS_PER_CUSTOMER / StoredKeys.LOOKUP_COST;
                long smallFile = budget / StoredKeys.KEYS_PER_ORDER; // orders, as estimated from the file size
                assertThat(StoredKeys.of(repo, new IdentityIndex(), StoredKeys.Reading.AUTO, smallFile).readWhole()).isFalse();
                assertThat(StoredKeys.of(repo, new IdentityIndex(), StoredKeys.Reading.AUTO, smallFile + 1).readWhole()).isTrue();

                // a file with more keys than its size said: looked up until the budget is spent, then all read
                IdentityIndex index = new IdentityIndex();
                StoredKeys keys = StoredKeys.of(repo, index, StoredKeys.Reading.AUTO, 1);
                keys.prepare(List.of(IdentityKey.account("taobao", "buyer_0"), IdentityKey.mobile("+8613800000001")));
                assertThat(keys.readWhole()).isFalse();
                assertThat(index.size()).isEqualTo(2);
                keys.prepare(IntStream.range(0, (int) budget - 2).mapToObj(i -> IdentityKey.email(i + "@example.com")).toList());
                assertThat(keys.readWhole()).as("within the budget").isFalse();
                keys.prepare(List.of(IdentityKey.email("one-more@example.com")));
                assertThat(keys.readWhole()).as("past the budget").isTrue();
                assertThat(index.size()).isGreaterThan((int) customers);
            }
        }
    }

    private Map<String, List<String>> importAndDump(String name, StoredKeys.Reading reading, List<ImportRequest> imports,
                                                    OffsetDateTime start) throws Exception {
        try (Database db = Database.open(temp.resolve(name))) {
            ImportService service = new ImportService(db).bulkPolicy(BulkPolicy.NEVER).keyReading(reading);
            service.importNow(imports.get(0), (d, t, m) -> { }, Cancellation.none());
            db.dsl().connection(c -> {
                // buyer_3 merged into buyer_4, buyer_5 erased: neither is found by its keys any more
                exec(c, "update customer set merged_into_id = " + owner(c, "buyer_4") + " where id = " + owner(c, "buyer_3"));
                exec(c, "update customer set erased_at = current_timestamp where id = " + owner(c, "buyer_5"));
                // buyer_6's mobile given to buyer_2 as well: the key finds the lower id, whichever is read first
                exec(c, "insert into contact_channel (customer_id, kind, raw_value, normalized_value, merge_key) values ("
                        + owner(c, "buyer_6") + ", 'phone', '13800000002', '+8613800000002', true)");
                // an owner's WeChat channel (no platform) and a WeChat nickname: both are the key wechat:<id>
                exec(c, "insert into contact_channel (customer_id, kind, raw_value, normalized_value) values ("
                        + owner(c, "buyer_7") + ", 'wechat', 'linxy_van', 'linxy_van')");
                exec(c, "insert into contact_channel (customer_id, kind, platform, raw_value, normalized_value) values ("
                        + owner(c, "buyer_8") + ", 'nickname', 'wechat', 'liuyang_hz', 'liuyang_hz')");
            });
            service.importNow(imports.get(1), (d, t, m) -> { }, Cancellation.none());
            try (Connection c = db.dataSource().getConnection()) {
                return BulkPathEquivalenceTest.dump(c, start);
            }
        }
    }

    private static long owner(Connection c, String account) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("select customer_id from contact_channel where kind = 'nickname' and normalized_value = ?")) {
            ps.setString(1, account);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as(account).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static void exec(Connection c, String sql) throws java.sql.SQLException {
        try (var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
