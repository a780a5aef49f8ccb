package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.app.CoreServices;
import com.fankeep.core.db.CustomerSortKeys;
import com.fankeep.core.db.Database;
import com.fankeep.core.importing.ImportRequest;
import com.fankeep.core.importing.SampleData;
import com.fankeep.core.merge.MergeRequest;
import com.fankeep.core.privacy.ErasureReason;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list sort keys kept on the customer row (V0040) follow every writer: imports and their undo, tag and channel
 * edits and their undo, merges and their undo, erasure. And each sort walks the customers in the order of the values.
 */
class CustomerSortKeysTest {

    @TempDir
    Path temp;
    Database db;
    CoreServices core;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(temp.resolve("data"));
        core = CoreServices.over(db);
        core.imports().importNow(new ImportRequest(SampleData.extractTo(temp.resolve("in")), null, null, ZoneId.of("Asia/Shanghai")),
                Progress.NONE, Cancellation.none());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The kept columns (not in the generated jOOQ tables: V0040 hides them from code generation). */
    private static final class DSLField {
        static org.jooq.Field<String> nickname() {
            return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("sort_nickname"), String.class);
        }

        static org.jooq.Field<BigDecimal> spend() {
            return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("sort_spend"), BigDecimal.class);
        }

        static org.jooq.Field<Integer> channels() {
            return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("sort_channels"), Integer.class);
        }

        static org.jooq.Field<String> tags() {
            return org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("sort_tags"), String.class);
        }
    }

    private long stale() {
        return db.dsl().connectionResult(CustomerSortKeys::stale);
    }

    private List<Long> live() {
        return db.dsl().select(CUSTOMER.ID).from(CUSTOMER).where(CustomerListRepository.live()).orderBy(CUSTOMER.ID).fetch(CUSTOMER.ID);
    }

    @Test
    void anImportLeavesNoStaleKeyAndTheKeysAreNotAllDefaults() {
        assertThat(stale()).isZero();
        assertThat(db.dsl().fetchCount(CUSTOMER, DSLField.nickname().ne(""))).isPositive();
        assertThat(db.dsl().fetchCount(CUSTOMER, DSLField.spend().gt(BigDecimal.ZERO))).isPositive();
        assertThat(db.dsl().fetchCount(CUSTOMER, DSLField.channels().gt(0))).isPositive();
    }

    @Test
    void tagAndChannelEditsAndTheirUndoKeepTheKeys() {
        List<Long> ids = live().subList(0, 3);
        CustomerService customers = core.customers();
        customers.tag(ids, "铁粉");
        customers.tag(ids.subList(0, 1), "A先");
        assertThat(stale()).isZero();
        assertThat(db.dsl().fetchCount(CUSTOMER, DSLField.tags().eq("A先"))).isEqualTo(1);
        customers.addChannel(ids.get(1), "wechat", "wx_sortkeys");
        assertThat(stale()).isZero();
        long channel = db.dsl().select(CONTACT_CHANNEL.ID).from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(ids.get(2)))
                .and(CONTACT_CHANNEL.KIND.ne("nickname")).limit(1).fetchSingle().value1();
        customers.removeChannel(channel);
        customers.untag(ids, "铁粉");
        assertThat(stale()).isZero();
        for (int i = 0; i < 5; i++) {
            customers.undoLast();
            assertThat(stale()).as("after undo " + i).isZero();
        }
    }

    @Test
    void mergeAndItsUndoKeepTheKeys() {
        List<Long> withSpend = db.dsl().select(CUSTOMER_SPEND.CUSTOMER_ID).from(CUSTOMER_SPEND).where(CUSTOMER_SPEND.CURRENCY.eq("CNY"))
                .orderBy(CUSTOMER_SPEND.CUSTOMER_ID).limit(2).fetch(CUSTOMER_SPEND.CUSTOMER_ID);
        var result = core.merges().merge(new MergeRequest(withSpend, withSpend.getFirst(), Map.of()));
        assertThat(stale()).isZero();
        core.merges().undo(result.mergeId());
        assertThat(stale()).isZero();
    }

    @Test
    void erasureAndImportUndoKeepTheKeys() {
        core.erasure().erase(live().getFirst(), ErasureReason.REQUEST);
        assertThat(stale()).isZero();
        for (long batch : db.dsl().select(IMPORT_BATCH.ID).from(IMPORT_BATCH).orderBy(IMPORT_BATCH.ID.desc()).fetch(IMPORT_BATCH.ID)) {
            core.imports().undo(batch);
            assertThat(stale()).as("after undoing batch " + batch).isZero();
        }
    }

    @Test
    void eachSortWalksTheCustomersInTheOrderOfItsValues() {
        core.customers().tag(live().subList(0, 4), "B");
        core.customers().tag(live().subList(2, 6), "A");
        Map<Long, Integer> channelCount = new java.util.HashMap<>();
        db.dsl().select(CONTACT_CHANNEL.CUSTOMER_ID).from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.KIND.ne("nickname"))
                .fetch(CONTACT_CHANNEL.CUSTOMER_ID).forEach(id -> channelCount.merge(id, 1, Integer::sum));
        for (CustomerSort sort : List.of(CustomerSort.NICKNAME, CustomerSort.NET_SPEND, CustomerSort.CHANNELS, CustomerSort.TAGS,
                CustomerSort.CITY, CustomerSort.TIER, CustomerSort.RECOVERY_STATE)) {
            for (boolean desc : new boolean[] {false, true}) {
                List<CustomerRow> walked = new ArrayList<>();
                CustomerQuery q = new CustomerQuery("", CustomerFilter.NONE, sort, desc);
                CustomerPage page = core.customers().page(q, null, 7);
                walked.addAll(page.rows());
                while (page.next() != null) {
                    page = core.customers().page(q, page.next(), 7);
                    walked.addAll(page.rows());
                }
                Comparator<CustomerRow> order = (a, b) -> {
                    @SuppressWarnings("unchecked")
                    int c = key(sort, a, channelCount).compareTo(key(sort, b, channelCount));
                    return c != 0 ? c : Long.compare(a.id(), b.id());
                };
                List<CustomerRow> expected = new ArrayList<>(walked);
                expected.sort(desc ? order.reversed() : order);
                assertThat(walked).as(sort + (desc ? " desc" : " asc")).hasSize(live().size()).isEqualTo(expected);
            }
        }
    }

    /** The value a column shows, as the sort must order it. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Comparable key(CustomerSort sort, CustomerRow r, Map<Long, Integer> channelCount) {
        return switch (sort) {
            case NICKNAME -> r.nicknames().stream().min(Comparator.naturalOrder()).orElse("");
            case NET_SPEND -> r.spend().getOrDefault("CNY", BigDecimal.ZERO);
            case CHANNELS -> channelCount.getOrDefault(r.id(), 0);
            case TAGS -> r.tags().stream().min(Comparator.naturalOrder()).orElse("");
            case CITY -> r.city() == null ? "" : r.city();
            case TIER -> r.tier() == null ? "" : r.tier();
            case RECOVERY_STATE -> r.recoveryState();
            default -> throw new IllegalArgumentException(sort.name());
        };
    }
}
