package com.fankeep.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.bench.SegmentData;
import com.fankeep.core.db.Database;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment counts from the SQL engine equal the same rules evaluated in plain Java over the generated customers
 * ({@link PlainEvaluator}). Random rules from a printed seed ({@code -Dsegment.seed=N} replays).
 */
class SegmentCountTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path temp;

    private static Database db;
    private static SegmentService segments;
    private static final List<SegmentData.Customer> customers = new ArrayList<>();
    private static PlainEvaluator plain;

    @BeforeAll
    static void generate() throws Exception {
        db = TestDatabases.fresh(temp);
        SegmentData.write(db, 1_500, 5_000, 11, NOW, customers::add, Progress.NONE);
        segments = new SegmentService(db, Clock.fixed(NOW, ZONE));
        plain = new PlainEvaluator(customers, NOW, ZONE);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static long expected(Rule rule) {
        return customers.stream().filter(c -> !c.erased() && plain.matches(rule, c)).count();
    }

    @Test
    void everyFieldAndOperatorCountsAsThePlainEvaluation() {
        long seed = RuleGenerator.seed();
        RuleGenerator gen = new RuleGenerator(RuleGenerator.random(seed), false);
        for (int i = 0; i < 400; i++) {
            Rule.Clause clause = gen.clause();
            assertThat(segments.count(clause)).as("seed %d: %s", seed, RulePrinter.print(clause)).isEqualTo(expected(clause));
        }
    }

    @Test
    void generatedRulesCountAsThePlainEvaluation() {
        long seed = RuleGenerator.seed();
        RandomGenerator r = RuleGenerator.random(seed);
        RuleGenerator gen = new RuleGenerator(r, false);
        int nonEmpty = 0;
        for (int i = 0; i < 150; i++) {
            Rule rule = gen.rule(1 + r.nextInt(6));
            long expected = expected(rule);
            assertThat(segments.count(RulePrinter.print(rule))).as("seed %d: %s", seed, RulePrinter.print(rule)).isEqualTo(expected);
            nonEmpty += expected > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).as("the generated rules mostly select someone").isGreaterThan(50);
    }

    @Test
    void membersAndMatchingAgreeWithTheCount() {
        String rule = "city = 上海 and orders >= 1 or tag = 学生";
        Rule parsed = RuleParser.parse(rule);
        List<Long> expected = customers.stream().filter(c -> !c.erased() && plain.matches(parsed, c)).map(SegmentData.Customer::id).toList();
        assertThat(segments.memberIds(rule)).containsExactlyElementsOf(expected);
        List<Long> some = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, expected.getFirst(), expected.getLast());
        assertThat(segments.matching(rule, some)).containsExactlyInAnyOrderElementsOf(some.stream().filter(expected::contains).distinct().toList());
    }

    @Test
    void audiencesLeaveOutDoNotContactAndSayHowMany() {
        String rule = "orders >= 2";
        Rule parsed = RuleParser.parse(rule);
        List<SegmentData.Customer> members = customers.stream().filter(c -> !c.erased() && plain.matches(parsed, c)).toList();
        long dnc = members.stream().filter(SegmentData.Customer::doNotContact).count();
        assertThat(dnc).as("the generated data has do-not-contact members").isPositive();
        Audience a = segments.audience(rule, false);
        assertThat(a.customerIds()).hasSize(members.size() - (int) dnc);
        assertThat(a.doNotContactLeftOut()).isEqualTo((int) dnc);
        Audience all = segments.audience(rule, true);
        assertThat(all.customerIds()).hasSize(members.size());
        assertThat(all.doNotContactLeftOut()).isZero();
    }

    @Test
    void theCustomerListFiltersByASavedSegment() {
        var core = com.fankeep.core.app.CoreServices.over(db, Clock.fixed(NOW, ZONE));
        String rule = "city = 上海 and orders >= 1";
        core.segments().save("上海买家", rule);
        try {
            var filter = new com.fankeep.core.customer.CustomerFilter(null, null, null, null, null, null, null, null, null, null, "上海买家");
            assertThat(core.customers().count(filter)).isEqualTo(segments.count(rule)).isPositive();
            assertThat(core.customers().ids(filter)).containsExactlyElementsOf(segments.memberIds(rule));
            assertThat(core.customers().segmentNames()).containsExactly("上海买家");
        } finally {
            core.segments().delete("上海买家");
        }
    }
}
