package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;

import com.fankeep.core.shared.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Reads what the search index needs: two streamed queries in id order, merged as they go. */
final class CustomerSearchRepository {

    private static final int FETCH_SIZE = 5_000;

    private final DSLContext dsl;

    CustomerSearchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    static Condition live() {
        return CUSTOMER.MERGED_INTO_ID.isNull().and(CUSTOMER.ERASED_AT.isNull());
    }

    /** How many live customers there are. */
    int countLive() {
        return dsl.fetchCount(CUSTOMER, live());
    }

    /**
     * Streams every live customer with its searchable channels to {@code sink}, in ascending id order. Two lazy
     * result sets read as JDBC rows (no jOOQ record per row: the load is the index build's critical path); channels
     * are not joined to customers, those of merged or erased customers are skipped by the merge.
     */
    void streamEntries(Consumer<CustomerEntry> sink, Cancellation cancellation) {
        try (ResultSet customers = dsl.select(CUSTOMER.ID, CUSTOMER.NAME)
                        .from(CUSTOMER)
                        .where(live())
                        .orderBy(CUSTOMER.ID)
                        .fetchSize(FETCH_SIZE)
                        .fetchResultSet();
                ResultSet channels = dsl
                        .select(CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE,
                                CONTACT_CHANNEL.NORMALIZED_VALUE)
                        .from(CONTACT_CHANNEL)
                        .where(CONTACT_CHANNEL.KIND.in(DSL.inline("phone"), DSL.inline("nickname"), DSL.inline("wechat"),
                                DSL.inline("qq"), DSL.inline("weibo"), DSL.inline("douyin"), DSL.inline("email")))
                        .orderBy(CONTACT_CHANNEL.CUSTOMER_ID)
                        .fetchSize(FETCH_SIZE)
                        .fetchResultSet()) {
            boolean more = channels.next();
            int n = 0;
            List<String> nicknames = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            List<String> handles = new ArrayList<>();
            while (customers.next()) {
                long id = customers.getLong(1);
                String name = customers.getString(2);
                nicknames.clear();
                phones.clear();
                handles.clear();
                while (more && channels.getLong(1) < id) {
                    more = channels.next();
                }
                while (more && channels.getLong(1) == id) {
                    String kind = channels.getString(2);
                    String raw = channels.getString(3);
                    String normalized = channels.getString(4);
                    switch (kind) {
                        // masked phones have no normalized value and keep their raw form (138****8012)
                        case "phone" -> phones.add(normalized != null ? normalized : raw);
                        case "nickname" -> nicknames.add(raw);
                        default -> handles.add(normalized != null ? normalized : raw);
                    }
                    more = channels.next();
                }
                sink.accept(new CustomerEntry(id, name, nicknames, phones, handles));
                if ((++n & 0x3FF) == 0) {
                    cancellation.check();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot read customers for the search index: " + e.getMessage(), e);
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
