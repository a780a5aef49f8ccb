package com.fankeep.core.segment;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.bench.SegmentData;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory counts ({@link SegmentFacts}, {@link FactsEvaluator}) equal the SQL ones ({@link RuleSql}, the
 * oracle) for generated rules over generated data, and the next count after any kind of write sees it. Seed printed;
 * {@code -Dsegment.seed=N} replays.
 */
class SegmentFactsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path temp;

    private static Database db;
    private static CoreServices core;
    private static SegmentService segments;

    @BeforeAll
    static void generate() throws Exception {
        db = TestDatabases.fresh(temp);
        SegmentData.write(db, 1_500, 5_000, 23, NOW, c -> { }, Progress.NONE);
        core = CoreServices.over(db, Clock.fixed(NOW, ZONE));
        segments = core.segments();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void generatedRulesCountAndListAsInSql() {
        long seed = RuleGenerator.seed();
        RandomGenerator r = RuleGenerator.random(seed);
        RuleGenerator gen = new RuleGenerator(r, false);
        SegmentService fresh = new SegmentService(db, Clock.fixed(NOW, ZONE));
        int nonEmpty = 0;
        for (int i = 0; i < 600; i++) {
            Rule rule = i < 300 ? gen.clause() : gen.rule(1 + r.nextInt(6));
            String text = RulePrinter.print(rule);
            long sql = fresh.countInSql(rule);
            assertThat(fresh.count(rule)).as("seed %d: %s", seed, text).isEqualTo(sql);
            if (i % 10 == 0) {
                assertThat(fresh.memberIds(text)).as("seed %d: %s", seed, text).containsExactlyElementsOf(fresh.memberIdsInSql(rule));
            }
            nonEmpty += sql > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).as("the generated rules mostly select someone").isGreaterThan(200);
    }

    @Test
    void sizeAudienceAndMatchingAsInSql() {
        String rule = "orders >= 2 or tag = 学生";
        SegmentSize size = segments.size(RuleParser.parse(rule));
        List<Long> sql = segments.memberIdsInSql(RuleParser.parse(rule));
        long dnc = segments.memberIdsInSql(RuleParser.parse("(" + rule + ") and do_not_contact")).size();
        assertThat(size.count()).isEqualTo(sql.size());
        assertThat(size.doNotContact()).isEqualTo(dnc).isPositive();
        Audience a = segments.audience(rule, false);
        assertThat(a.customerIds()).hasSize(sql.size() - (int) dnc);
        assertThat(a.doNotContactLeftOut()).isEqualTo((int) dnc);
        segments.count(rule); // facts current: matching uses them
        List<Long> some = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 999_999L, sql.getFirst(), sql.getLast());
        assertThat(segments.matching(rule, some)).containsExactlyElementsOf(
                some.stream().filter(sql::contains).distinct().sorted().toList());
    }

    @Test
    void theNextCountSeesEveryKindOfWrite() throws Exception {
        long someone = segments.memberIdsInSql(RuleParser.parse("not city = 乌鲁木齐 and not do_not_contact")).getFirst();
        String id = "referred_by = " + someone;

        seesIt("city = 乌鲁木齐", () -> core.customers().setCity(someone, "乌鲁木齐"));
        long untagged = segments.memberIdsInSql(RuleParser.parse("not tag = 投诉过")).getFirst();
        seesIt("tag = 投诉过", () -> core.customers().tag(List.of(untagged), "投诉过"));
        seesIt("do_not_contact", () -> core.customers().setDoNotContact(someone, true, "asked"));
        long outside = segments.memberIdsInSql(RuleParser.parse("not group = 铁粉二群")).getFirst();
        seesIt("group = 铁粉二群", () -> core.groups().add(core.groups().find("铁粉二群").id(), List.of(outside), true));
        long other = segments.memberIdsInSql(RuleParser.parse("not " + id)).getLast();
        seesIt(id, () -> core.customers().setReferredBy(other, someone));
        // An import writes through a plain JDBC connection: a batch, then one commit.
        seesIt("birthday_month = 2", () -> jdbc(c -> {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("update customer set birthday_month = ? where id = ?")) {
                p.setInt(1, 2);
                p.setLong(2, someone);
                p.addBatch();
                p.executeBatch();
            }
            segments.count("birthday_month = 2"); // facts read while the write is not committed yet: must not stay
            c.commit();
        }));
        // Auto-committed plain statements.
        seesIt("birthday_month = 3", () -> jdbc(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update customer set birthday_month = 3 where id = " + someone);
            }
        }));
        // An update with returning(): H2 runs it as SELECT … FROM FINAL TABLE (UPDATE …).
        seesIt("birthday_month = 5", () -> db.dsl().update(CUSTOMER).set(CUSTOMER.BIRTHDAY_MONTH, (short) 5)
                .where(CUSTOMER.ID.eq(someone)).returning(CUSTOMER.ID).fetchOne());
        seesIt("birthday_month = 4", () -> db.transaction(dsl -> dsl.execute("update customer set birthday_month = 4 where id = " + someone)));
        // Writes to the other tables facts are read from (each a fact group refreshed on its own, ADR 0025).
        long untiered = segments.memberIdsInSql(RuleParser.parse("tier = none")).getFirst();
        seesIt("tier = none", () -> jdbc(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into customer_tier (customer_id, tier) values (" + untiered + ", 'vip')");
            }
        }));
        long noEmail = segments.memberIdsInSql(RuleParser.parse("not has email")).getFirst();
        seesIt("has email", () -> db.transaction(dsl -> dsl.execute("insert into contact_channel (customer_id, kind, raw_value) values ("
                + noEmail + ", 'email', 'someone@example.com')")));
        long order = db.dsl().fetchOne("select min(id) from shop_order where customer_id is not null and status = 'completed'").get(0, Long.class);
        seesIt("item contains 独一无二", () -> db.dsl().execute("insert into order_line (order_id, line_no, sku, title) values ("
                + order + ", 99, 'ONLY-1', '独一无二的茶')"));
        seesIt("sku = ONLY-2", () -> db.dsl().insertInto(ORDER_LINE, ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO, ORDER_LINE.SKU, ORDER_LINE.TITLE)
                .values(order, 98, "ONLY-2", "x").returning(ORDER_LINE.ID).fetchOne());
        // a customer leaving the live ones moves every slot: all facts read again
        long leaving = segments.memberIdsInSql(RuleParser.parse("tier = none")).getFirst();
        seesIt("tier = none", () -> db.dsl().execute("update customer set erased_at = current_timestamp where id = " + leaving));
    }

    @Test
    void aRolledBackWriteChangesNothingAndReadsKeepTheFacts() throws Exception {
        String rule = "orders >= 1";
        long before = segments.count(rule);
        long version = db.dataVersion();
        db.dsl().fetchCount(com.fankeep.core.db.jooq.Tables.CUSTOMER);
        segments.memberIds(rule);
        assertThat(db.dataVersion()).as("reads leave the version alone").isEqualTo(version);
        jdbc(c -> {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update customer set order_count = 0");
            }
            c.rollback();
        });
        assertThat(segments.count(rule)).isEqualTo(before).isEqualTo(segments.countInSql(RuleParser.parse(rule)));
    }

    private interface Write {
        void run() throws Exception;
    }

    private interface Jdbc {
        void run(Connection c) throws Exception;
    }

    private static void jdbc(Jdbc work) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            work.run(c);
        }
    }

    /** Counts (so the facts are built), writes, and expects the next count to be the SQL one and to have moved. */
    private static void seesIt(String rule, Write write) throws Exception {
        Rule parsed = RuleParser.parse(rule);
        long before = segments.count(parsed);
        assertThat(before).as(rule).isEqualTo(segments.countInSql(parsed));
        write.run();
        long after = segments.countInSql(parsed);
        assertThat(after).as("the write changed " + rule).isNotEqualTo(before);
        assertThat(segments.count(parsed)).as("the count after the write: " + rule).isEqualTo(after);
        assertThat(segments.memberIds(rule)).as(rule).containsExactlyElementsOf(segments.memberIdsInSql(parsed));
    }

    @Test
    void factsAreModest() {
        segments.count("orders >= 1");
        assertThat(segments.factsBytes()).as("bytes for 1,500 customers").isPositive().isLessThan(1_500L * 2_000);
    }
}
