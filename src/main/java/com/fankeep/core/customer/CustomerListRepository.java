package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_SPEND;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TAG;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TIER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.db.jooq.Tables.TAG;

import com.fankeep.core.customer.CustomerPage.PageCursor;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** The customer list's SQL: one keyset page of customers, then their channels, spend and tags for that page only. */
final class CustomerListRepository {

    /** Spend is sorted and filtered in the shop's main currency. */
    static final String MAIN_CURRENCY = "CNY";

    private final DSLContext dsl;
    private final SegmentScope segments;

    CustomerListRepository(DSLContext dsl) {
        this(dsl, null);
    }

    /** @param segments compiles a filter's segment (null: a filter with a segment is refused) */
    CustomerListRepository(DSLContext dsl, SegmentScope segments) {
        this.dsl = dsl;
        this.segments = segments;
    }

    /** The filter's condition, with its segment's when it names one. */
    private Condition where(CustomerFilter f) {
        Condition c = filter(f);
        if (f.segment() != null) {
            if (segments == null) {
                throw new IllegalStateException("no segments to filter by");
            }
            c = c.and(segments.condition(f.segment()));
        }
        return c;
    }

    /**
     * Live customers. Written as {@code coalesce(merged_into_id, 0) = 0} so H2 does not read "is null" through the
     * merged-into index (all 300,000 rows, then a sort spilled to disk) but can walk the sort's own index.
     */
    static Condition live() {
        return DSL.coalesce(CUSTOMER.MERGED_INTO_ID, 0L).eq(0L).and(CUSTOMER.ERASED_AT.isNull());
    }

    /** {@code coalesce(name, '')}, computed by the database and indexed with the id (V0009): pages walk the index. */
    private static final Field<String> SORT_NAME = DSL.field(DSL.name("sort_name"), String.class);
    /** {@code coalesce(last_order_at, 1900-01-01)}, computed and indexed the same way. */
    private static final Field<OffsetDateTime> SORT_LAST_ORDER = DSL.field(DSL.name("sort_last_order"), OffsetDateTime.class);

    /** V0040: {@code coalesce(city, '')}, computed and indexed with the id. The tier sort is {@link #tierPage}. */
    private static final Field<String> SORT_CITY = DSL.field(DSL.name("sort_city"), String.class);
    /** V0040: kept on the customer row by the writers of channels, spend and tags ({@code CustomerSortKeys}). */
    private static final Field<String> SORT_NICKNAME = DSL.field(DSL.name("sort_nickname"), String.class);
    private static final Field<BigDecimal> SORT_SPEND = DSL.field(DSL.name("sort_spend"), BigDecimal.class);
    private static final Field<Integer> SORT_CHANNELS = DSL.field(DSL.name("sort_channels"), Integer.class);
    private static final Field<String> SORT_TAGS = DSL.field(DSL.name("sort_tags"), String.class);

    /** The column a sort key orders by: never null and indexed as (key, id), so a keyset page walks the index. */
    private static Field<?> sortKey(CustomerSort sort) {
        return switch (sort) {
            case ID -> CUSTOMER.ID;
            case NAME -> SORT_NAME;
            case NICKNAME -> SORT_NICKNAME;
            case CITY -> SORT_CITY;
            case TIER -> throw new IllegalArgumentException("the tier sort pages in tierPage");
            case RECOVERY_STATE -> CUSTOMER.RECOVERY_STATE;
            case ORDERS -> CUSTOMER.ORDER_COUNT;
            case NET_SPEND -> SORT_SPEND;
            case LAST_ORDER -> SORT_LAST_ORDER;
            case CHANNELS -> SORT_CHANNELS;
            case TAGS -> SORT_TAGS;
        };
    }

    static Condition filter(CustomerFilter f) {
        Condition c = live();
        if (f.city() != null) {
            c = c.and(CUSTOMER.CITY.containsIgnoreCase(f.city()).or(CUSTOMER.PROVINCE.containsIgnoreCase(f.city())));
        }
        if (f.tag() != null) {
            c = c.and(DSL.exists(DSL.selectOne().from(CUSTOMER_TAG).join(TAG).on(TAG.ID.eq(CUSTOMER_TAG.TAG_ID))
                    .where(CUSTOMER_TAG.CUSTOMER_ID.eq(CUSTOMER.ID)).and(TAG.NAME.eq(f.tag()))));
        }
        if (f.platform() != null) {
            c = c.and(DSL.exists(DSL.selectOne().from(SHOP_ORDER).where(SHOP_ORDER.CUSTOMER_ID.eq(CUSTOMER.ID))
                            .and(SHOP_ORDER.PLATFORM.eq(f.platform())))
                    .or(DSL.exists(DSL.selectOne().from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(CUSTOMER.ID))
                            .and(CONTACT_CHANNEL.KIND.eq("nickname")).and(CONTACT_CHANNEL.PLATFORM.eq(f.platform())))));
        }
        if (f.minSpend() != null || f.maxSpend() != null) {
            Field<BigDecimal> spend = DSL.coalesce(DSL.field(DSL.select(CUSTOMER_SPEND.NET_SPEND).from(CUSTOMER_SPEND)
                    .where(CUSTOMER_SPEND.CUSTOMER_ID.eq(CUSTOMER.ID)).and(CUSTOMER_SPEND.CURRENCY.eq(MAIN_CURRENCY))), BigDecimal.ZERO);
            if (f.minSpend() != null) {
                c = c.and(spend.ge(f.minSpend()));
            }
            if (f.maxSpend() != null) {
                c = c.and(spend.le(f.maxSpend()));
            }
        }
        if (f.lastOrderFrom() != null) {
            c = c.and(CUSTOMER.LAST_ORDER_AT.ge(f.lastOrderFrom().atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (f.lastOrderTo() != null) {
            c = c.and(CUSTOMER.LAST_ORDER_AT.lt(f.lastOrderTo().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (f.recoveryState() != null) {
            c = c.and(CUSTOMER.RECOVERY_STATE.eq(f.recoveryState()));
        }
        if (f.hasWechat() != null) {
            c = c.and(hasChannel("wechat", f.hasWechat()));
        }
        if (f.hasPhone() != null) {
            c = c.and(hasChannel("phone", f.hasPhone()));
        }
        return c;
    }

    private static Condition hasChannel(String kind, boolean has) {
        Condition exists = DSL.exists(DSL.selectOne().from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.eq(CUSTOMER.ID))
                .and(CONTACT_CHANNEL.KIND.eq(kind)));
        return has ? exists : DSL.not(exists);
    }

    /** One page in sort order after {@code after} (null: the first page). */
    CustomerPage page(CustomerFilter filter, CustomerSort sort, boolean descending, PageCursor after, int limit) {
        if (sort == CustomerSort.TIER) {
            return pageOf(tierPage(where(filter), descending, after, limit + 1), limit);
        }
        Field<?> key = sortKey(sort);
        Condition where = where(filter);
        if (after != null) {
            Field<Object> value = DSL.val(after.sortValue(), key.getDataType()).coerce(Object.class);
            String op = descending ? "<" : ">";
            where = where.and(DSL.condition("({0}, {1}) " + op + " ({2}, {3})", key, CUSTOMER.ID, value, DSL.val(after.id())));
        }
        List<org.jooq.SortField<?>> order = new ArrayList<>();
        order.add(descending ? key.desc() : key.asc());
        if (sort != CustomerSort.ID) {
            order.add(descending ? CUSTOMER.ID.desc() : CUSTOMER.ID.asc()); // H2 asserts on a repeated sort column
        }
        return pageOf(base(key).where(where).orderBy(order).limit(limit + 1).fetch(), limit);
    }

    /** Up to {@code limit} of {@code rows} (fetched one more to know whether a next page exists). */
    private CustomerPage pageOf(List<Record> rows, int limit) {
        boolean more = rows.size() > limit;
        List<Record> shown = more ? rows.subList(0, limit) : rows;
        List<CustomerRow> out = rowsOf(shown);
        PageCursor next = null;
        if (more) {
            Record last = shown.getLast();
            next = new PageCursor(last.get("sort_key"), last.get(CUSTOMER.ID));
        }
        return new CustomerPage(out, next);
    }

    /** The rows of {@code ids} that pass {@code filter}, in the order of {@code ids} (search rank). */
    List<CustomerRow> byIds(long[] ids, CustomerFilter filter) {
        if (ids.length == 0) {
            return List.of();
        }
        List<Long> list = new ArrayList<>(ids.length);
        for (long id : ids) {
            list.add(id);
        }
        List<Record> rows = base(CUSTOMER.ID).where(where(filter)).and(CUSTOMER.ID.in(list)).fetch();
        Map<Long, Record> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.get(CUSTOMER.ID), r));
        List<Record> ordered = new ArrayList<>();
        for (long id : ids) {
            Record r = byId.get(id);
            if (r != null) {
                ordered.add(r);
            }
        }
        return rowsOf(ordered);
    }

    long count(CustomerFilter filter) {
        return dsl.fetchCount(CUSTOMER, where(filter));
    }

    /** Ids of all customers passing the filter (for bulk actions on "all filtered"). */
    List<Long> ids(CustomerFilter filter) {
        return dsl.select(CUSTOMER.ID).from(CUSTOMER).where(where(filter)).orderBy(CUSTOMER.ID).fetch(CUSTOMER.ID);
    }

    /**
     * The tier sort (V0090, tiers in customer_tier): sort value "" (no tier) first, read along customer's primary key
     * with "no customer_tier row"; then customer_tier's (tier, customer_id) index joined to customer. Descending runs
     * the other way round. Each part walks an index, so a page costs about the same as the other sorts.
     */
    private List<Record> tierPage(Condition where, boolean descending, PageCursor after, int n) {
        boolean afterInNone = after != null && "".equals(after.sortValue());
        List<Record> rows = new ArrayList<>();
        if (!descending) {
            if (after == null || afterInNone) {
                rows.addAll(withoutTier(where, after == null ? null : after.id(), false, n));
            }
            if (rows.size() < n) {
                rows.addAll(withTier(where, afterInNone ? null : after, false, n - rows.size()));
            }
        } else {
            if (!afterInNone) {
                rows.addAll(withTier(where, after, true, n));
            }
            if (rows.size() < n) {
                rows.addAll(withoutTier(where, afterInNone ? after.id() : null, true, n - rows.size()));
            }
        }
        return rows;
    }

    private List<Record> withoutTier(Condition where, Long afterId, boolean descending, int n) {
        Condition c = where.andNotExists(DSL.selectOne().from(CUSTOMER_TIER).where(CUSTOMER_TIER.CUSTOMER_ID.eq(CUSTOMER.ID)));
        if (afterId != null) {
            c = c.and(descending ? CUSTOMER.ID.lt(afterId) : CUSTOMER.ID.gt(afterId));
        }
        return base(DSL.inline("")).where(c).orderBy(descending ? CUSTOMER.ID.desc() : CUSTOMER.ID.asc()).limit(n).fetch();
    }

    private List<Record> withTier(Condition where, PageCursor after, boolean descending, int n) {
        Condition c = where;
        if (after != null) {
            c = c.and(DSL.condition("({0}, {1}) " + (descending ? "<" : ">") + " ({2}, {3})", CUSTOMER_TIER.TIER,
                    CUSTOMER_TIER.CUSTOMER_ID, DSL.val(String.valueOf(after.sortValue())), DSL.val(after.id())));
        }
        return dsl.select(fields(CUSTOMER_TIER.TIER)).from(CUSTOMER_TIER).join(CUSTOMER).on(CUSTOMER.ID.eq(CUSTOMER_TIER.CUSTOMER_ID))
                .where(c).orderBy(descending ? CUSTOMER_TIER.TIER.desc() : CUSTOMER_TIER.TIER.asc(),
                        descending ? CUSTOMER_TIER.CUSTOMER_ID.desc() : CUSTOMER_TIER.CUSTOMER_ID.asc())
                .limit(n).fetch();
    }

    private SelectJoinStep<Record> base(Field<?> key) {
        return dsl.select(fields(key)).from(CUSTOMER);
    }

    private static List<org.jooq.SelectFieldOrAsterisk> fields(Field<?> key) {
        return List.of(CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.CITY, CUSTOMER.RECOVERY_STATE, CUSTOMER.ORDER_COUNT,
                CUSTOMER.LAST_ORDER_AT, key.as("sort_key"));
    }

    private List<CustomerRow> rowsOf(List<Record> rows) {
        List<Long> ids = rows.stream().map(r -> r.get(CUSTOMER.ID)).toList();
        Map<Long, List<String>> nicknames = new HashMap<>();
        Map<Long, Set<String>> channels = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> spend = new HashMap<>();
        Map<Long, List<String>> tags = new HashMap<>();
        Map<Long, String> tiers = new HashMap<>();
        if (!ids.isEmpty()) {
            dsl.select(CUSTOMER_TIER.CUSTOMER_ID, CUSTOMER_TIER.TIER).from(CUSTOMER_TIER).where(CUSTOMER_TIER.CUSTOMER_ID.in(ids))
                    .forEach(t -> tiers.put(t.value1(), t.value2()));
            for (var ch : dsl.select(CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.RAW_VALUE)
                    .from(CONTACT_CHANNEL).where(CONTACT_CHANNEL.CUSTOMER_ID.in(ids)).orderBy(CONTACT_CHANNEL.ID).fetch()) {
                if (ch.value2().equals("nickname")) {
                    nicknames.computeIfAbsent(ch.value1(), k -> new ArrayList<>()).add(ch.value3());
                } else {
                    channels.computeIfAbsent(ch.value1(), k -> new LinkedHashSet<>()).add(ch.value2());
                }
            }
            for (var s : dsl.select(CUSTOMER_SPEND.CUSTOMER_ID, CUSTOMER_SPEND.CURRENCY, CUSTOMER_SPEND.NET_SPEND)
                    .from(CUSTOMER_SPEND).where(CUSTOMER_SPEND.CUSTOMER_ID.in(ids)).fetch()) {
                spend.computeIfAbsent(s.value1(), k -> new TreeMap<>()).put(s.value2(), s.value3());
            }
            tags.putAll(tagsOf(dsl, ids));
        }
        List<CustomerRow> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            long id = r.get(CUSTOMER.ID);
            out.add(new CustomerRow(id, r.get(CUSTOMER.NAME), nicknames.getOrDefault(id, List.of()), r.get(CUSTOMER.CITY),
                    tiers.get(id), r.get(CUSTOMER.RECOVERY_STATE), r.get(CUSTOMER.ORDER_COUNT),
                    spend.getOrDefault(id, Map.of()), r.get(CUSTOMER.LAST_ORDER_AT), channels.getOrDefault(id, Set.of()),
                    tags.getOrDefault(id, List.of())));
        }
        return out;
    }

    static Map<Long, List<String>> tagsOf(DSLContext dsl, Collection<Long> ids) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        for (var t : dsl.select(CUSTOMER_TAG.CUSTOMER_ID, TAG.NAME).from(CUSTOMER_TAG).join(TAG).on(TAG.ID.eq(CUSTOMER_TAG.TAG_ID))
                .where(CUSTOMER_TAG.CUSTOMER_ID.in(ids)).orderBy(TAG.NAME).fetch()) {
            tags.computeIfAbsent(t.value1(), k -> new ArrayList<>()).add(t.value2());
        }
        return tags;
    }
}
