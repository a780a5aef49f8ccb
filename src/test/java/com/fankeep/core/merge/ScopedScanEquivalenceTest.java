package com.fankeep.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.testing.PropertyRunner;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan an import ends with (a scope: the customers it touched) finds exactly what a full scan finds among the pairs
 * with one of them, evidence included: on generated shops whose customers share names (in several spellings), cities,
 * streets, phones, landlines on cards, nicknames and usernames, in groups small and too big.
 */
class ScopedScanEquivalenceTest {

    @TempDir
    Path temp;

    private static final String[] SURNAMES = {"王", "李", "张", "Émily", "EMILY", "emily", "ＷＡＮＧ", "Li"};
    private static final String[] GIVEN = {"小明", "伟", "芳", " Carter", " carter", "-Carter", " LEI", " Ｌｅｉ"};
    private static final String[] CITIES = {"上海市", "上海", "杭州", "San Francisco", "san francisco", "Leeds"};
    private static final String[] STREETS = {"文三路1号", "文三路8号302室", "世纪大道100号", "12 Baker Street", "40 baker st", "9 Elm Road"};
    private static final String[] DISTRICTS = {"西湖区", "浦东新区", null};
    private static final String[] PLATFORMS = {"taobao", "shopify", "etsy", null};

    @Test
    void theScanOfSomeCustomersFindsWhatTheFullScanFindsWithThem() {
        PropertyRunner.check("scoped scan = full scan with the scope", 6, RandomGenerator::nextLong, seed -> {
            Path dir = Files.createTempDirectory(temp, "shop");
            try (Database db = TestDatabases.fresh(dir); Connection c = db.dataSource().getConnection()) {
                RandomGenerator r = new java.util.SplittableRandom(seed);
                List<Long> ids = shop(c, r, 60 + r.nextInt(60));
                // the rows were written here by hand, past every writer: their keys are stored as an upgrade does
                DuplicateKeys.rebuild(c);
                Set<Long> scope = new HashSet<>();
                ids.forEach(id -> {
                    if (r.nextInt(5) == 0) {
                        scope.add(id);
                    }
                });
                scope.add(ids.get(0));
                Set<DuplicateScanner.Found> full = new HashSet<>(new DuplicateScanner(c, Cancellation.none()).scan());
                full.removeIf(f -> !scope.contains(f.a()) && !scope.contains(f.b()));
                List<DuplicateScanner.Found> scoped = new DuplicateScanner(c, Cancellation.none(), scope).keysFirst().scan();
                // a scope of much of the shop reads the tables as a full scan does and keeps its pairs
                List<DuplicateScanner.Found> large = new DuplicateScanner(c, Cancellation.none(), scope).scan();

                assertThat(scoped).doesNotHaveDuplicates();
                assertThat(new HashSet<>(scoped)).isEqualTo(full);
                assertThat(new HashSet<>(large)).isEqualTo(full);
                assertThat(full).isNotEmpty();
            }
        });
    }

    @Test
    void theShortcutForPlainNamesGivesTheKeyTheRuleGives() {
        String pieces = "王李张小明伟丽 AaZz09-_.·' 　ＡｚÉé区*\u00a0\uF900";
        PropertyRunner.check("name key shortcut", 2000, r -> {
            StringBuilder b = new StringBuilder();
            for (int n = r.nextInt(7); n > 0; n--) {
                b.append(pieces.charAt(r.nextInt(pieces.length())));
            }
            return b.toString();
        }, name -> assertThat(ScanTexts.nameKey(name)).isEqualTo(ScanTexts.generalNameKey(name)));
    }

    /** Customers with channels and orders drawn from small pools, so that keys repeat; ids in creation order. */
    static List<Long> shop(Connection c, RandomGenerator r, int customers) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement cu = c.prepareStatement("insert into customer (name, city, note, merged_into_id) values (?, ?, ?, ?)",
                new String[] {"id"});
             PreparedStatement ch = c.prepareStatement("insert into contact_channel (customer_id, kind, platform, raw_value, "
                     + "normalized_value, is_masked, merge_key) values (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement or = c.prepareStatement("insert into shop_order (platform, external_order_id, customer_id, status, "
                     + "receiver_name, receiver_province, receiver_city, receiver_district, receiver_address) "
                     + "values ('taobao', ?, ?, 'completed', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < customers; i++) {
                String name = r.nextInt(10) == 0 ? null : r.nextInt(12) == 0 ? "孙*" : name(r);
                cu.setString(1, name);
                cu.setString(2, r.nextInt(4) == 0 ? null : pick(r, CITIES));
                cu.setString(3, r.nextInt(4) == 0 ? "座机 0571-8888" + r.nextInt(3) + "123 / 家里" : null);
                cu.setObject(4, !ids.isEmpty() && r.nextInt(15) == 0 ? ids.get(0) : null);   // now and then merged away
                cu.executeUpdate();
                try (var keys = cu.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
                long id = ids.get(ids.size() - 1);
                for (int k = r.nextInt(4); k > 0; k--) {
                    channel(ch, r, id);
                }
                for (int k = r.nextInt(4); k > 0; k--) {
                    or.setString(1, "o" + id + "-" + k);
                    or.setLong(2, id);
                    or.setString(3, r.nextInt(3) == 0 ? name(r) : r.nextInt(10) == 0 ? "李*" : name);
                    or.setString(4, "浙江省");
                    or.setString(5, pick(r, CITIES));
                    or.setString(6, pick(r, DISTRICTS));
                    or.setString(7, r.nextInt(8) == 0 ? null : pick(r, STREETS));
                    or.executeUpdate();
                }
            }
            // later rows of earlier customers: a table's primary key order is not its customers' order
            for (int k = customers / 4; k > 0; k--) {
                long id = ids.get(r.nextInt(ids.size()));
                channel(ch, r, id);
                or.setString(1, "late" + id + "-" + k);
                or.setLong(2, id);
                or.setString(3, name(r));
                or.setString(4, "浙江省");
                or.setString(5, pick(r, CITIES));
                or.setString(6, pick(r, DISTRICTS));
                or.setString(7, pick(r, STREETS));
                or.executeUpdate();
            }
        }
        return ids;
    }

    private static void channel(PreparedStatement ch, RandomGenerator r, long id) throws Exception {
        String kind = pick(r, new String[] {"phone", "phone", "email", "address", "nickname", "nickname", "other"});
        String raw = switch (kind) {
            case "phone" -> r.nextBoolean() ? "1380000000" + r.nextInt(8) : "0571-8888" + r.nextInt(3) + "123";
            case "email" -> "fan" + r.nextInt(6) + "@example.com";
            case "address" -> pick(r, CITIES) + pick(r, STREETS);
            case "nickname" -> r.nextInt(3) == 0 ? name(r) : pick(r, new String[] {"Emily_C", "emily.c", "emilyc", "小满", "abc"});
            default -> "家里座机 8888" + r.nextInt(3) + "123";
        };
        boolean phone = kind.equals("phone");
        ch.setLong(1, id);
        ch.setString(2, kind);
        ch.setString(3, kind.equals("nickname") ? pick(r, PLATFORMS) : null);
        ch.setString(4, raw);
        ch.setString(5, phone && raw.startsWith("138") ? "+86" + raw : kind.equals("email") || kind.equals("nickname") ? raw.toLowerCase()
                : kind.equals("address") ? raw : null);
        ch.setBoolean(6, r.nextInt(10) == 0);
        ch.setBoolean(7, phone && raw.startsWith("138"));
        ch.executeUpdate();
    }

    private static String name(RandomGenerator r) {
        return pick(r, SURNAMES) + pick(r, GIVEN);
    }

    private static <T> T pick(RandomGenerator r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
