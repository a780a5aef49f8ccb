package com.fankeep.core.merge;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TAG;
import static com.fankeep.core.db.jooq.Tables.FOLLOW_UP;
import static com.fankeep.core.db.jooq.Tables.INTERACTION;
import static com.fankeep.core.db.jooq.Tables.MERGE_SUGGESTION;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.db.jooq.Tables.TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportService;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import com.fankeep.testing.SampleShop;
import com.fankeep.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merges on the imported sample shop: everything moves to the survivor, and undo gives back the very same database. */
class MergeServiceTest {

    @TempDir
    Path temp;

    private Database db;
    private MergeService merges;
    private final List<Long> told = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.fresh(temp);
        SampleShop.load(new ImportService(db), temp);
        merges = new MergeService(db, told::addAll);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void importSuggestionsAreListedWithTheirEvidence() {
        List<DuplicateSuggestion> list = merges.suggestions(100);
        assertThat(list).hasSize(db.dsl().fetchCount(MERGE_SUGGESTION));
        DuplicateSuggestion first = list.getFirst();
        assertThat(first.evidence()).extracting(Evidence::reason).contains("same_phone");
        String phone = first.evidence().getFirst().detail().replace("mobile ", "");
        String tail = phone.substring(phone.length() - 8);
        assertThat(first.a().channels()).anyMatch(ch -> ch.startsWith("phone ") && ch.replaceAll("\\D", "").endsWith(tail));
        assertThat(first.b().channels()).anyMatch(ch -> ch.startsWith("phone "));
    }

    @Test
    void mergeMovesEverythingToTheSurvivorAndUndoRestoresTheDatabaseExactly() throws Exception {
        DuplicateSuggestion s = merges.suggestions(100).getFirst();
        long keep = s.a().id();
        long gone = s.b().id();
        long referred = otherCustomer(keep, gone);
        DSLContext d = db.dsl();
        long vip = d.insertInto(TAG, TAG.NAME).values("VIP").returning(TAG.ID).fetchOne().getId();
        long soap = d.insertInto(TAG, TAG.NAME).values("手工皂").returning(TAG.ID).fetchOne().getId();
        d.insertInto(CUSTOMER_TAG, CUSTOMER_TAG.CUSTOMER_ID, CUSTOMER_TAG.TAG_ID).values(keep, vip).values(gone, vip).values(gone, soap).execute();
        com.fankeep.core.db.CustomerSortKeys.refresh(d, List.of(keep, gone)); // as the services do after tagging
        d.insertInto(INTERACTION, INTERACTION.CUSTOMER_ID, INTERACTION.KIND, INTERACTION.CHANNEL, INTERACTION.OCCURRED_AT, INTERACTION.SUMMARY)
                .values(gone, "call", "phone", OffsetDateTime.parse("2024-04-01T10:00:00+08:00"), "asked about the new soap").execute();
        d.insertInto(FOLLOW_UP, FOLLOW_UP.CUSTOMER_ID, FOLLOW_UP.TITLE, FOLLOW_UP.DUE_DATE).values(gone, "send sample", LocalDate.of(2024, 5, 1)).execute();
        d.update(CUSTOMER).set(CUSTOMER.REFERRED_BY_ID, gone).where(CUSTOMER.ID.eq(referred)).execute();
        d.update(CUSTOMER).set(CUSTOMER.NOTE, "likes lavender").where(CUSTOMER.ID.eq(gone)).execute();
        d.update(CUSTOMER).setNull(CUSTOMER.NOTE).where(CUSTOMER.ID.eq(keep)).execute();

        int keepOrders = d.fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(keep));
        int goneOrders = d.fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(gone));
        BigDecimal spend = d.select(DSL.sum(CUSTOMER_SPEND.NET_SPEND)).from(CUSTOMER_SPEND)
                .where(CUSTOMER_SPEND.CUSTOMER_ID.in(keep, gone)).fetchOne(0, BigDecimal.class);
        String before = SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark"));

        MergePreview preview = merges.preview(List.of(keep, gone));
        assertThat(preview.valuesFrom().get(MergeField.NOTE)).isEqualTo(gone); // only one of them has a note: it is kept // the survivor has none: the other's is kept
        MergeResult r = merges.merge(new MergeRequest(List.of(keep, gone), keep, Map.of(MergeField.NOTE, gone, MergeField.NAME, gone)));

        assertThat(r.mergedIds()).containsExactly(gone);
        assertThat(r.ordersMoved()).isEqualTo(goneOrders);
        assertThat(told).containsExactlyInAnyOrder(keep, gone);
        assertThat(d.fetchValue(CUSTOMER.MERGED_INTO_ID, CUSTOMER.ID.eq(gone))).isEqualTo(keep);
        assertThat(d.fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(keep))).isEqualTo(keepOrders + goneOrders);
        assertThat(d.fetchValue(CUSTOMER.ORDER_COUNT, CUSTOMER.ID.eq(keep))).isEqualTo(
                d.fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(keep).and(SHOP_ORDER.STATUS.in("paid", "shipped", "completed", "partially_refunded"))));
        assertThat(d.select(DSL.sum(CUSTOMER_SPEND.NET_SPEND)).from(CUSTOMER_SPEND).where(CUSTOMER_SPEND.CUSTOMER_ID.eq(keep))
                .fetchOne(0, BigDecimal.class)).isEqualByComparingTo(spend);
        assertThat(d.fetchCount(CUSTOMER_SPEND, CUSTOMER_SPEND.CUSTOMER_ID.eq(gone))).isZero();
        assertThat(d.select(CUSTOMER_TAG.TAG_ID).from(CUSTOMER_TAG).where(CUSTOMER_TAG.CUSTOMER_ID.eq(keep)).fetch(CUSTOMER_TAG.TAG_ID))
                .containsExactlyInAnyOrder(vip, soap);
        assertThat(d.fetchCount(INTERACTION, INTERACTION.CUSTOMER_ID.eq(keep))).isEqualTo(1);
        assertThat(d.fetchCount(FOLLOW_UP, FOLLOW_UP.CUSTOMER_ID.eq(keep))).isEqualTo(1);
        assertThat(d.fetchCount(CONTACT_CHANNEL, CONTACT_CHANNEL.CUSTOMER_ID.eq(gone))).isZero();
        assertThat(d.fetchValue(CUSTOMER.REFERRED_BY_ID, CUSTOMER.ID.eq(referred))).isEqualTo(keep);
        assertThat(d.fetchValue(CUSTOMER.NOTE, CUSTOMER.ID.eq(keep))).isEqualTo("likes lavender");
        assertThat(d.fetchValue(CUSTOMER.NAME, CUSTOMER.ID.eq(keep))).isEqualTo(s.b().name());
        assertThat(merges.suggestions(100)).noneMatch(x -> x.a().id() == keep || x.b().id() == keep);
        assertThat(merges.history(10)).first().satisfies(h -> {
            assertThat(h.id()).isEqualTo(r.mergeId());
            assertThat(h.undoneAt()).isNull();
        });

        told.clear();
        merges.undo(r.mergeId());

        assertThat(SampleShop.diff(before, SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark")))).isEmpty();
        assertThat(told).containsExactlyInAnyOrder(keep, gone);
        assertThat(merges.history(10).getFirst().undoneAt()).isNotNull();
        assertThatThrownBy(() -> merges.undo(r.mergeId())).hasMessageContaining("undone already");
    }

    @Test
    void threeCustomersMergeIntoOneAndComeBackApart() throws Exception {
        List<DuplicateSuggestion> list = merges.suggestions(100);
        long a = list.get(0).a().id();
        long b = list.get(0).b().id();
        long c = list.get(1).a().id();
        String before = SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark"));
        int orders = db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.in(a, b, c));

        MergePreview preview = merges.preview(List.of(a, b, c));
        MergeResult r = merges.merge(preview.request().withSurvivor(c));

        assertThat(r.mergedIds()).containsExactlyInAnyOrder(a, b);
        assertThat(db.dsl().fetchCount(SHOP_ORDER, SHOP_ORDER.CUSTOMER_ID.eq(c))).isEqualTo(orders);
        assertThat(db.dsl().fetchCount(CUSTOMER, CUSTOMER.MERGED_INTO_ID.eq(c))).isEqualTo(2);

        merges.undo(r.mergeId());
        assertThat(SampleShop.diff(before, SampleShop.dump(db, Set.of("audit_log", "duplicate_key_mark")))).isEmpty();
    }

    @Test
    void notTheSamePersonStaysDismissedThroughLaterScans() {
        DuplicateSuggestion s = merges.suggestions(100).getFirst();
        int open = merges.suggestions(100).size();

        merges.dismiss(s.a().id(), s.b().id());
        assertThat(merges.suggestions(100)).hasSize(open - 1)
                .noneMatch(x -> x.a().id() == s.a().id() && x.b().id() == s.b().id());

        ScanResult scan = merges.scan(Progress.NONE, Cancellation.none());
        assertThat(scan.pairsFound()).isPositive(); // the same phones are still there
        assertThat(merges.suggestions(100)).noneMatch(x -> x.a().id() == s.a().id() && x.b().id() == s.b().id());
    }

    @Test
    void scanFindsSharedEmailNameAndAddressAndSimilarNicknames() {
        DSLContext d = db.dsl();
        long x = customer("王小明");
        long y = customer("王小明");
        long z = customer("Lily");
        long w = customer("Lily Chen");
        channel(x, "email", null, "xm@example.com");
        channel(y, "email", null, "xm@example.com");
        channel(x, "address", null, "浙江省杭州市西湖区文三路1号");
        channel(y, "address", null, "浙江省 杭州市 西湖区 文三路1号");
        channel(z, "nickname", "taobao", "Lily_Chen");
        channel(w, "nickname", "shopify", "lily chen");

        ScanResult r = merges.scan(Progress.NONE, Cancellation.none());

        assertThat(r.newSuggestions()).isGreaterThanOrEqualTo(2);
        List<DuplicateSuggestion> list = merges.suggestions(1000);
        DuplicateSuggestion xy = list.stream().filter(s -> s.a().id() == x && s.b().id() == y).findFirst().orElseThrow();
        // 文三路 in 西湖区 for both: the same street too (name_street, weaker evidence of the same pair)
        assertThat(xy.evidence()).extracting(Evidence::reason).containsExactlyInAnyOrder("same_email", "name_address", "name_street");
        DuplicateSuggestion zw = list.stream().filter(s -> s.a().id() == z && s.b().id() == w).findFirst().orElseThrow();
        // w's name is z's nickname too (the nickname_name reason, weaker evidence of the same pair)
        assertThat(zw.evidence()).extracting(Evidence::reason).containsExactlyInAnyOrder("similar_nickname", "nickname_name");
        assertThat(zw.evidence()).filteredOn(e -> e.reason().equals("similar_nickname")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("taobao:Lily_Chen").contains("shopify:lily chen"));

        assertThat(merges.scan(Progress.NONE, Cancellation.none()).newSuggestions()).isZero();
        assertThat(d.fetchCount(MERGE_SUGGESTION, MERGE_SUGGESTION.CUSTOMER_A_ID.eq(x))).isEqualTo(3);
    }

    @Test
    void refusesNonsense() {
        long a = merges.suggestions(1).getFirst().a().id();
        assertThatThrownBy(() -> merges.merge(new MergeRequest(List.of(a, a), a, Map.of()))).hasMessageContaining("two different");
        assertThatThrownBy(() -> merges.merge(new MergeRequest(List.of(a, 999_999L), a, Map.of()))).hasMessageContaining("#999999");
    }

    private long otherCustomer(long... not) {
        return db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.ID.notIn(not[0], not[1])).orderBy(CUSTOMER.ID)
                .limit(1).fetchOne(CUSTOMER.ID);
    }

    private long customer(String name) {
        return db.dsl().insertInto(CUSTOMER, CUSTOMER.NAME).values(name).returning(CUSTOMER.ID).fetchOne().getId();
    }

    private void channel(long customer, String kind, String platform, String value) {
        db.dsl().insertInto(CONTACT_CHANNEL, CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.PLATFORM,
                CONTACT_CHANNEL.RAW_VALUE, CONTACT_CHANNEL.NORMALIZED_VALUE)
                .values(customer, kind, platform, value, kind.equals("address") ? value.replaceAll("\\s+", "") : value).execute();
    }
}
