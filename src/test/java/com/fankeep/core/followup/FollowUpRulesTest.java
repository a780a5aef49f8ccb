package com.fankeep.core.followup;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.settings.FollowUpRuleSettings;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.TestDatabases;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automatic rules on the sample Taobao export (exported 2024-03-15 10:30, so "today" is that day): orders shipped
 * with a tracking number get "send tracking number" and a delivery check; re-importing never duplicates; an order
 * that gets its tracking number in a later export gets its follow-up then; a closed order cancels its open ones.
 */
class FollowUpRulesTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Path TAOBAO = Path.of("sample-data/taobao/ExportOrderList202403151030.csv");
    private static final LocalDate EXPORT_DAY = LocalDate.of(2024, 3, 15);
    /** 卖家已发货 with tracking numbers, in the last days before the export. */
    private static final String TEAPOT = "2403959319740291842";     // 2024-03-13, 46289817576103 韵达
    private static final String SCARF = "1721144665066892355";      // 2024-03-12, 10753742632290 中通
    private static final String THIRD = "3180864559786010669";      // 2024-03-08, YT4652370684789
    /** 交易成功 (delivered) on 2024-02-20: older than the 14-day horizon. */
    private static final String OLD = "4172797053331738377";

    @TempDir
    Path temp;

    private static ImportSummary importFile(CoreServices s, Path file) {
        return s.imports().importNow(new ImportRequest(List.of(file), null, null, FollowUpFixture.SHANGHAI),
                Progress.NONE, Cancellation.none());
    }

    /** A copy of the sample export with one row edited, as a later or earlier export would show it. */
    private Path edited(String name, String orderNo, Map<String, String> replacements) throws Exception {
        String text = new String(Files.readAllBytes(TAOBAO), GBK);
        String[] lines = text.split("\n", -1);
        boolean found = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("=\"" + orderNo + "\"")) {
                for (Map.Entry<String, String> e : replacements.entrySet()) {
                    assertThat(lines[i]).contains(e.getKey());
                    lines[i] = lines[i].replace(e.getKey(), e.getValue());
                }
                found = true;
            }
        }
        assertThat(found).isTrue();
        Path dir = Files.createDirectories(temp.resolve(name));
        Path out = dir.resolve(TAOBAO.getFileName());
        Files.write(out, String.join("\n", lines).getBytes(GBK));
        return out;
    }

    /** origin key → (external order number, status) of the automatic follow-ups with an order. */
    private static Map<String, String> orderFollowUps(Database db) {
        return db.dsl().select(FOLLOW_UP.ORIGIN_KEY, SHOP_ORDER.EXTERNAL_ORDER_ID, FOLLOW_UP.STATUS, FOLLOW_UP.DUE_DATE)
                .from(FOLLOW_UP).join(SHOP_ORDER).on(SHOP_ORDER.ID.eq(FOLLOW_UP.ORDER_ID))
                .fetch().stream().collect(Collectors.toMap(
                        r -> r.value1().substring(0, r.value1().indexOf(':')) + ":" + r.value2(),
                        r -> r.value3() + " " + r.value4()));
    }

    @Test
    void shippedOrdersGetTrackingAndDeliveryFollowUpsOnceAndALaterTrackingNumberFiresThen() throws Exception {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, EXPORT_DAY);
            Path beforeShipping = edited("before", TEAPOT, Map.of("卖家已发货，等待买家确认", "买家已付款，等待卖家发货",
                    ",46289817576103,韵达快递,", ",,,"));

            importFile(s, beforeShipping);
            Map<String, String> first = orderFollowUps(db);
            assertThat(first).containsEntry("tracking:" + SCARF, "open 2024-03-15")
                    .containsEntry("tracking:" + THIRD, "open 2024-03-15")
                    .containsEntry("delivery:" + SCARF, "open 2024-03-17")
                    .containsEntry("delivery:" + THIRD, "open 2024-03-13")
                    .doesNotContainKeys("tracking:" + TEAPOT, "delivery:" + TEAPOT, "tracking:" + OLD, "delivery:" + OLD);
            assertThat(first.keySet()).allMatch(k -> !k.startsWith("tracking:") || List.of(SCARF, THIRD).contains(k.substring(9)));

            // the next export: the teapot has shipped with a tracking number
            importFile(s, TAOBAO);
            Map<String, String> second = orderFollowUps(db);
            assertThat(second).containsEntry("tracking:" + TEAPOT, "open 2024-03-15")
                    .containsEntry("delivery:" + TEAPOT, "open 2024-03-18");
            assertThat(second).hasSize(first.size() + 2);

            // the same export again, and the rules on start: nothing new
            int before = db.dsl().fetchCount(FOLLOW_UP);
            importFile(s, TAOBAO);
            assertThat(s.followUpRules().run().created()).isZero();
            assertThat(db.dsl().fetchCount(FOLLOW_UP)).isEqualTo(before);
            assertThat(orderFollowUps(db)).isEqualTo(second);
        }
    }

    /**
     * After an import the order rules read only the touched customers' orders (not every shipped order of the shop):
     * what they do then must be all a full run would do. Older shipped orders already have their follow-ups.
     */
    @Test
    void theRulesAfterAnImportDoWhatAFullRunWouldDo() throws Exception {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, EXPORT_DAY);
            importFile(s, edited("before", TEAPOT, Map.of("卖家已发货，等待买家确认", "买家已付款，等待卖家发货",
                    ",46289817576103,韵达快递,", ",,,")));
            Map<String, String> older = orderFollowUps(db);
            assertThat(older).containsKeys("tracking:" + SCARF, "delivery:" + THIRD).doesNotContainKey("tracking:" + TEAPOT);

            // the teapot ships: only its customer is touched, and its follow-ups come without a full run
            importFile(s, TAOBAO);
            Map<String, String> shipped = orderFollowUps(db);
            assertThat(shipped).containsEntry("tracking:" + TEAPOT, "open 2024-03-15")
                    .containsEntry("delivery:" + TEAPOT, "open 2024-03-18").hasSize(older.size() + 2);
            FollowUpRules.Result full = s.followUpRules().run();
            assertThat(full).as("a full run after the scoped one").isEqualTo(new FollowUpRules.Result(0, 0));
            assertThat(orderFollowUps(db)).isEqualTo(shipped);

            // the scarf's order is closed: its open follow-ups are cancelled by the scoped run
            importFile(s, edited("closed", SCARF, Map.of("卖家已发货，等待买家确认", "交易关闭")));
            Map<String, String> closed = orderFollowUps(db);
            assertThat(closed).containsEntry("tracking:" + SCARF, "cancelled 2024-03-15")
                    .containsEntry("delivery:" + SCARF, "cancelled 2024-03-17");
            assertThat(s.followUpRules().run()).isEqualTo(new FollowUpRules.Result(0, 0));
            assertThat(orderFollowUps(db)).isEqualTo(closed);
        }
    }

    @Test
    void aClosedOrderCancelsItsOpenFollowUpsAndADoneOneIsNotRecreated() throws Exception {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, EXPORT_DAY);
            importFile(s, TAOBAO);
            long tracking = db.dsl().select(FOLLOW_UP.ID).from(FOLLOW_UP).join(SHOP_ORDER).on(SHOP_ORDER.ID.eq(FOLLOW_UP.ORDER_ID))
                    .where(SHOP_ORDER.EXTERNAL_ORDER_ID.eq(TEAPOT).and(FOLLOW_UP.REASON.eq("send_tracking"))).fetchOne(FOLLOW_UP.ID);
            s.followUps().cancel(tracking);

            importFile(s, edited("refunded", SCARF, Map.of("卖家已发货，等待买家确认", "交易关闭")));

            Map<String, String> after = orderFollowUps(db);
            assertThat(after).containsEntry("tracking:" + SCARF, "cancelled 2024-03-15")
                    .containsEntry("delivery:" + SCARF, "cancelled 2024-03-17")
                    .containsEntry("tracking:" + TEAPOT, "cancelled 2024-03-15")
                    .containsEntry("delivery:" + THIRD, "open 2024-03-13");
            assertThat(s.followUpRules().run().created()).as("cancelled by the owner stays cancelled").isZero();
        }
    }

    @Test
    void switchedOffRulesCreateNothingAndTheDelayIsTheSettingsOne() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, EXPORT_DAY);
            s.settings().setFollowUpRules(new FollowUpRuleSettings(false, true, 10, false, false, 180, 14));
            importFile(s, TAOBAO);
            Map<String, String> made = orderFollowUps(db);
            assertThat(made.keySet()).allMatch(k -> k.startsWith("delivery:"));
            assertThat(made).containsEntry("delivery:" + TEAPOT, "open 2024-03-23");
        }
    }

    @Test
    void birthdaysComeYearlyWithoutDuplicatesAndFeb29FallsOnFeb28() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, LocalDate.of(2025, 2, 1));
            long leap = FollowUpFixture.customerWithBirthday(db, "闰闰", null, 2, 29);
            long july = FollowUpFixture.customerWithBirthday(db, "七月", 1990, 7, 14);
            assertThat(s.followUpRules().run().created()).isEqualTo(2);
            assertThat(s.followUpRules().run().created()).isZero();

            FollowUp leapling = s.followUps().forCustomer(leap).getFirst();
            assertThat(leapling.reason()).isEqualTo(FollowUpReason.BIRTHDAY);
            assertThat(leapling.dueDate()).isEqualTo(LocalDate.of(2025, 2, 28));
            assertThat(s.followUps().forCustomer(july).getFirst().dueDate()).isEqualTo(LocalDate.of(2025, 7, 14));

            DoneResult r = s.followUps().done(leapling.id(), com.fankeep.core.interaction.NewInteraction.quick(leap,
                    com.fankeep.core.interaction.InteractionKind.MESSAGE, com.fankeep.core.interaction.ContactMedium.WECHAT, "生日快乐"));
            assertThat(r.next().dueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(s.followUpRules().run().created()).as("done made next year's; the rule does not add another").isZero();
            assertThat(s.followUps().forCustomer(leap)).hasSize(2);
        }
    }

    /**
     * After the day's full run, the birthday and win-back rules after an import look only at the customers it wrote
     * (ADR 0043): a contact card's birthday gets its follow-up then; a birthday set outside any import waits for the next
     * full run (on start, `followups run-rules`, the first import of another day).
     */
    @Test
    void afterTheDaysFullRunAnImportRunsTheBirthdayRuleForTheCustomersItWrote() {
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, LocalDate.of(2025, 1, 10));
            FollowUpFixture.customerWithBirthday(db, "七月", 1990, 7, 14);
            assertThat(s.followUpRules().run().created()).isEqualTo(1);
            long byHand = FollowUpFixture.customerWithBirthday(db, "三月", null, 3, 3);

            importFile(s, Path.of("sample-data/contacts/iphone_contacts_vcard30.vcf"));
            List<FollowUp> open = s.followUps().allOpen();
            assertThat(open).filteredOn(f -> f.reason() == FollowUpReason.BIRTHDAY)
                    .extracting(FollowUp::dueDate).contains(LocalDate.of(2025, 2, 14));
            assertThat(open).noneMatch(f -> f.customerId() == byHand);
            assertThat(s.followUpRules().run().created()).as("the full run adds only the birthday set by hand").isEqualTo(1);
        }
    }

    /**
     * The day's full run is kept in the database (ADR 0049): the first import of the next process (a CLI import) runs the
     * birthday rule for the customers it wrote only; an import batch the rules did not see since (a crash after its
     * commit, an older FanKeep) makes the next import run it whole.
     */
    @Test
    void theDaysFullRunKeptInTheDatabaseScopesTheFirstImportOfTheNextProcess() {
        LocalDate day = LocalDate.of(2025, 1, 10);
        long byHand;
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, day);
            FollowUpFixture.customerWithBirthday(db, "七月", 1990, 7, 14);
            assertThat(s.followUpRules().run().created()).isEqualTo(1);
            byHand = FollowUpFixture.customerWithBirthday(db, "三月", null, 3, 3);
        }
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, day); // a new process: nothing remembered in memory
            importFile(s, Path.of("sample-data/contacts/iphone_contacts_vcard30.vcf"));
            assertThat(s.followUps().allOpen()).filteredOn(f -> f.reason() == FollowUpReason.BIRTHDAY)
                    .extracting(FollowUp::dueDate).contains(LocalDate.of(2025, 2, 14));
            assertThat(s.followUps().allOpen()).as("scoped to the customers it wrote").noneMatch(f -> f.customerId() == byHand);
            // an import committed whose rules never ran
            db.dsl().execute("insert into import_batch (file_name, format, status) values ('crashed.csv', 'shopify_orders', 'committed')");
        }
        try (Database db = TestDatabases.fresh(temp)) {
            CoreServices s = FollowUpFixture.services(db, day);
            importFile(s, Path.of("sample-data/contacts/google_contacts.csv"));
            assertThat(s.followUps().allOpen()).as("a batch the rules did not see: the run is whole")
                    .anyMatch(f -> f.customerId() == byHand && f.reason() == FollowUpReason.BIRTHDAY);
        }
    }

    @Test
    void aCustomerLapsedForTheSetDaysGetsOneWinBackUntilTheyOrderAgain() {
        try (Database db = TestDatabases.fresh(temp)) {
            LocalDate today = LocalDate.of(2024, 9, 1);
            CoreServices s = FollowUpFixture.services(db, today);
            long lapsed = customerLastOrdered(db, "Lapsed", today.minusDays(185));
            customerLastOrdered(db, "Recent", today.minusDays(30));
            customerLastOrdered(db, "Long gone", today.minusDays(900));   // for the Recovery pipeline, not Today

            assertThat(s.followUpRules().run().created()).isEqualTo(1);
            assertThat(s.followUps().allOpen()).extracting(FollowUp::customerId, FollowUp::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(lapsed, FollowUpReason.WIN_BACK));
            assertThat(s.followUpRules().run().created()).isZero();

            db.transaction(dsl -> dsl.update(CUSTOMER).set(CUSTOMER.LAST_ORDER_AT, OffsetDateTime.now(FollowUpFixture.clockOn(today)))
                    .where(CUSTOMER.ID.eq(lapsed)).execute());
            assertThat(s.followUpRules().run().cancelled()).isEqualTo(1);
            assertThat(s.followUps().allOpen()).isEmpty();
        }
    }

    private static long customerLastOrdered(Database db, String name, LocalDate day) {
        return db.transactionResult(dsl -> dsl.insertInto(CUSTOMER).set(CUSTOMER.NAME, name)
                .set(CUSTOMER.LAST_ORDER_AT, day.atTime(12, 0).atZone(FollowUpFixture.SHANGHAI).toOffsetDateTime())
                .set(CUSTOMER.ORDER_COUNT, 1).returning(CUSTOMER.ID).fetchOne().getId());
    }
}
