package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;

import com.fankeep.core.shared.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.impl.DSL;

/** Reads what the search index needs: two streamed queries in id order, merged as they go. */
final class CustomerSearchRepository {

    private static final int FETCH_SIZE = 5_000;
    private static final List<String> HANDLE_KINDS = List.of("wechat", "qq", "weibo", "douyin", "email");

    private final DSLContext dsl;

    CustomerSearchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static Condition live() {
        return CUSTOMER.MERGED_INTO_ID.isNull().and(CUSTOMER.ERASED_AT.isNull());
    }

    /** Live customers in ascending id order. */
    int countLive() {
        return dsl.fetchCount(CUSTOMER, live());
    }

    /** Streams every live customer with its searchable channels to {@code sink}, in ascending id order. */
    void streamEntries(Consumer<CustomerEntry> sink, Cancellation cancellation) {
        try (Cursor<Record2<Long, String>> customers = dsl.select(CUSTOMER.ID, CUSTOMER.NAME)
                        .from(CUSTOMER)
                        .where(live())
                        .orderBy(CUSTOMER.ID)
                        .fetchSize(FETCH_SIZE)
                        .fetchLazy();
                Cursor<Record4<Long, String, String, String>> channels = dsl
                        .select(CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE,
                                CONTACT_CHANNEL.NORMALIZED_VALUE)
                        .from(CONTACT_CHANNEL)
                        .join(CUSTOMER).on(CUSTOMER.ID.eq(CONTACT_CHANNEL.CUSTOMER_ID))
                        .where(live())
                        .and(CONTACT_CHANNEL.KIND.in(DSL.inline("phone"), DSL.inline("nickname"), DSL.inline("wechat"),
                                DSL.inline("qq"), DSL.inline("weibo"), DSL.inline("douyin"), DSL.inline("email")))
                        .orderBy(CONTACT_CHANNEL.CUSTOMER_ID)
                        .fetchSize(FETCH_SIZE)
                        .fetchLazy()) {
            Record4<Long, String, String, String> pending = channels.fetchNext();
            int n = 0;
            List<String> nicknames = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            List<String> handles = new ArrayList<>();
            while (customers.hasNext()) {
                Record2<Long, String> c = customers.fetchNext();
                long id = c.value1();
                nicknames.clear();
                phones.clear();
                handles.clear();
                while (pending != null && pending.value1() < id) {
                    pending = channels.fetchNext();
                }
                while (pending != null && pending.value1() == id) {
                    String kind = pending.value2();
                    if (kind.equals("phone")) {
                        // masked phones keep only their raw form (138****8012); others are E.164
                        phones.add(pending.value4() != null ? pending.value4() : pending.value3());
                    } else if (kind.equals("nickname")) {
                        nicknames.add(pending.value3());
                    } else if (HANDLE_KINDS.contains(kind)) {
                        handles.add(pending.value4() != null ? pending.value4() : pending.value3());
                    }
                    pending = channels.fetchNext();
                }
                sink.accept(new CustomerEntry(id, c.value2(), nicknames, phones, handles));
                if ((++n & 0x3FF) == 0) {
                    cancellation.check();
                }
            }
        }
    }

    /** One live customer, or null when it is merged away, erased or gone. */
    CustomerEntry load(long id) {
        List<CustomerEntry> out = new ArrayList<>(1);
        var name = dsl.select(CUSTOMER.NAME).from(CUSTOMER).where(CUSTOMER.ID.eq(id)).and(live()).fetchOptional();
        if (name.isEmpty()) {
            return null;
        }
        List<String> nicknames = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        for (var ch : dsl.select(CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE, CONTACT_CHANNEL.NORMALIZED_VALUE)
                .from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(id)).orderBy(CONTACT_CHANNEL.ID).fetch()) {
            String v = ch.value3() != null ? ch.value3() : ch.value2();
            switch (ch.value1()) {
                case "phone" -> phones.add(v);
                case "nickname" -> nicknames.add(ch.value2());
                case "wechat", "qq", "weibo", "douyin", "email" -> handles.add(v);
                default -> { }
            }
        }
        out.add(new CustomerEntry(id, name.get().value1(), nicknames, phones, handles));
        return out.getFirst();
    }
}
