package com.fankeep.core.segment;

import static com.fankeep.core.db.jooq.Tables.CAMPAIGN_ENTRY;
import static com.fankeep.core.db.jooq.Tables.CONTACT_CHANNEL;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TAG;
import static com.fankeep.core.db.jooq.Tables.CUSTOMER_TIER;
import static com.fankeep.core.db.jooq.Tables.FAN_GROUP;
import static com.fankeep.core.db.jooq.Tables.FAN_GROUP_MEMBER;
import static com.fankeep.core.db.jooq.Tables.GIFT_CAMPAIGN;
import static com.fankeep.core.db.jooq.Tables.LAUNCH;
import static com.fankeep.core.db.jooq.Tables.LAUNCH_RESERVATION;
import static com.fankeep.core.db.jooq.Tables.LAUNCH_VOTE;
import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.db.jooq.Tables.TAG;

import com.fankeep.core.db.DataChanges;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * Reads {@link SegmentFacts} in a handful of streaming queries (customers, orders, order lines, channels, tags,
 * groups). The meaning of every fact is the one of {@code RuleSql}; the test compares the two on generated data. A
 * new fact read from another table adds that table to its group's set (or a new group), or refresh keeps it stale.
 */
final class SegmentFactsRepository {

    private final DSLContext dsl;

    SegmentFactsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The tables each group of facts is read from: a write to one of them makes that group be read again. */
    static final Set<String> CORE_TABLES = Set.of("customer");
    static final Set<String> TIER_TABLES = Set.of("customer_tier");
    static final Set<String> CHANNEL_TABLES = Set.of("shop_order", "contact_channel");
    static final Set<String> ITEM_TABLES = Set.of("shop_order", "order_line");
    static final Set<String> TAG_TABLES = Set.of("customer_tag", "tag");
    static final Set<String> GROUP_TABLES = Set.of("fan_group_member", "fan_group");
    static final Set<String> PARTICIPATION_TABLES = Set.of("campaign_entry", "gift_campaign", "launch", "launch_vote",
            "launch_reservation");

    SegmentFacts read(long version) {
        try {
            Core core = core();
            return assemble(version, core, tiers(core.ids), channels(core.ids), items(core.ids), tags(core.ids), groups(core.ids),
                    participation(core.ids));
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("reading segment facts", e);
        }
    }

    /**
     * The facts at {@code changes.version()}: the groups whose tables were written since {@code old} was read are read
     * again, the others kept (ADR 0025). Everything is read when the writes are unknown or the live customers changed
     * (the slots would move).
     */
    SegmentFacts refresh(SegmentFacts old, DataChanges changes) {
        if (changes.tables() == null) {
            return read(changes.version());
        }
        try {
            Core core = changes.touches(CORE_TABLES) ? core() : null;
            if (core != null && !Arrays.equals(core.ids, old.ids())) {
                return assemble(changes.version(), core, tiers(core.ids), channels(core.ids), items(core.ids), tags(core.ids),
                        groups(core.ids), participation(core.ids));
            }
            long[] ids = old.ids();
            if (core == null) {
                core = new Core(ids, old.city(), old.province(), old.recovery(), old.orders(), old.spendFen(), old.firstOrder(),
                        old.lastOrder(), old.referredBy(), old.referred(), old.birthdayMonth(), old.doNotContact());
            }
            Channels channels = changes.touches(CHANNEL_TABLES) ? channels(ids) : new Channels(old.platforms(), old.kinds(), old.funnel());
            Items items = changes.touches(ITEM_TABLES) ? items(ids) : new Items(old.items(), old.skus());
            return assemble(changes.version(), core, changes.touches(TIER_TABLES) ? tiers(ids) : old.tier(), channels, items,
                    changes.touches(TAG_TABLES) ? tags(ids) : old.tags(), changes.touches(GROUP_TABLES) ? groups(ids) : old.groups(),
                    changes.touches(PARTICIPATION_TABLES) ? participation(ids)
                            : new Participation(old.campaigns(), old.launches(), old.firstGift(), old.lastGift()));
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("reading segment facts", e);
        }
    }

    /** The facts on the customer row, for the live customers by id. */
    private record Core(long[] ids, SegmentFacts.Codes city, SegmentFacts.Codes province, SegmentFacts.Codes recovery, int[] orders,
                        long[] spend, long[] first, long[] last, long[] referredBy, int[] referred, byte[] birthdayMonth, BitSet dnc) {
    }

    private record Channels(SegmentFacts.Flags platforms, SegmentFacts.Flags kinds, SegmentFacts.Flags funnel) {
    }

    private record Items(SegmentFacts.Postings items, SegmentFacts.Postings skus) {
    }

    private record Participation(SegmentFacts.Postings campaigns, SegmentFacts.Postings launches, long[] firstGift, long[] lastGift) {
    }

    private static SegmentFacts assemble(long version, Core c, SegmentFacts.Codes tier, Channels ch, Items it, SegmentFacts.Postings tags,
                                         SegmentFacts.Postings groups, Participation p) {
        return new SegmentFacts(version, c.ids, c.city, c.province, tier, c.recovery, c.orders, c.spend, c.first, c.last,
                ch.platforms, ch.kinds, ch.funnel, c.referredBy, c.referred, c.birthdayMonth, c.dnc, it.items, it.skus, tags, groups,
                p.campaigns, p.launches, p.firstGift, p.lastGift);
    }

    private Core core() throws SQLException {
        Dict city = new Dict();
        Dict province = new Dict();
        Dict recovery = new Dict();
        LongList ids = new LongList();
        IntList cityC = new IntList();
        IntList provC = new IntList();
        IntList recC = new IntList();
        IntList orders = new IntList();
        LongList spend = new LongList();
        LongList first = new LongList();
        LongList last = new LongList();
        LongList referredBy = new LongList();
        ByteList bday = new ByteList();
        BitSet dnc = new BitSet();
        try (ResultSet rs = stream(dsl.select(CUSTOMER.ID, RuleSql.SORT_CITY, DSL.coalesce(CUSTOMER.PROVINCE, ""),
                        CUSTOMER.ORDER_COUNT, RuleSql.SORT_SPEND, CUSTOMER.FIRST_ORDER_AT, CUSTOMER.LAST_ORDER_AT,
                        CUSTOMER.RECOVERY_STATE, CUSTOMER.REFERRED_BY_ID, CUSTOMER.BIRTHDAY_MONTH, CUSTOMER.DO_NOT_CONTACT)
                .from(CUSTOMER).where(RuleSql.live()).orderBy(CUSTOMER.ID))) {
            while (rs.next()) {
                int slot = ids.size;
                ids.add(rs.getLong(1));
                cityC.add(city.code(rs.getString(2)));
                provC.add(province.code(rs.getString(3)));
                orders.add(rs.getInt(4));
                BigDecimal s = rs.getBigDecimal(5);
                spend.add(s == null ? 0 : s.movePointRight(2).setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
                first.add(nanos(rs.getObject(6, OffsetDateTime.class)));
                last.add(nanos(rs.getObject(7, OffsetDateTime.class)));
                recC.add(recovery.code(rs.getString(8)));
                referredBy.add(rs.getLong(9));
                bday.add((byte) rs.getInt(10));
                if (rs.getBoolean(11)) {
                    dnc.set(slot);
                }
            }
        }
        long[] idArray = ids.toArray();
        int[] referred = new int[idArray.length];
        long[] refBy = referredBy.toArray();
        for (long r : refBy) {
            int at = r == 0 ? -1 : Arrays.binarySearch(idArray, r);
            if (at >= 0) {
                referred[at]++;
            }
        }
        return new Core(idArray, city.codes(cityC), province.codes(provC), recovery.codes(recC), orders.toArray(), spend.toArray(),
                first.toArray(), last.toArray(), refBy, referred, bday.toArray(), dnc);
    }

    /** V0090: tiers in their own table; a customer without a row has "" (none). */
    private SegmentFacts.Codes tiers(long[] ids) throws SQLException {
        Dict tier = new Dict();
        tier.code("");
        IntList codes = new IntList();
        for (int i = 0; i < ids.length; i++) {
            codes.add(0);
        }
        try (ResultSet rs = stream(dsl.select(CUSTOMER_TIER.CUSTOMER_ID, CUSTOMER_TIER.TIER).from(CUSTOMER_TIER))) {
            while (rs.next()) {
                int slot = Arrays.binarySearch(ids, rs.getLong(1));
                if (slot >= 0) {
                    codes.a[slot] = tier.code(rs.getString(2));
                }
            }
        }
        return tier.codes(codes);
    }

    private Channels channels(long[] ids) throws SQLException {
        int n = ids.length;
        Bits platforms = new Bits(n);
        try (ResultSet rs = stream(dsl.select(SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.PLATFORM).from(SHOP_ORDER)
                .where(SHOP_ORDER.CUSTOMER_ID.isNotNull()))) {
            while (rs.next()) {
                platforms.add(Arrays.binarySearch(ids, rs.getLong(1)), rs.getString(2));
            }
        }
        Bits kinds = new Bits(n);
        Bits funnel = new Bits(n);
        try (ResultSet rs = stream(dsl.select(CONTACT_CHANNEL.CUSTOMER_ID, CONTACT_CHANNEL.KIND, CONTACT_CHANNEL.PLATFORM,
                CONTACT_CHANNEL.FUNNEL_STATE).from(CONTACT_CHANNEL))) {
            while (rs.next()) {
                int slot = Arrays.binarySearch(ids, rs.getLong(1));
                String kind = rs.getString(2);
                kinds.add(slot, kind);
                if ("nickname".equals(kind)) {
                    platforms.add(slot, rs.getString(3));
                } else {
                    funnel.add(slot, rs.getString(4));
                }
            }
        }
        return new Channels(platforms.flags(), kinds.flags(), funnel.flags());
    }

    private Items items(long[] ids) throws SQLException {
        Posts items = new Posts();
        Posts skus = new Posts();
        try (ResultSet rs = stream(dsl.select(SHOP_ORDER.CUSTOMER_ID, DSL.coalesce(ORDER_LINE.TITLE, ""), DSL.coalesce(ORDER_LINE.SKU, ""))
                .from(SHOP_ORDER).join(ORDER_LINE).on(ORDER_LINE.ORDER_ID.eq(SHOP_ORDER.ID))
                .where(SHOP_ORDER.CUSTOMER_ID.isNotNull()).and(SHOP_ORDER.STATUS.notIn(RuleSql.NOT_BOUGHT)))) {
            while (rs.next()) {
                int slot = Arrays.binarySearch(ids, rs.getLong(1));
                items.add(slot, rs.getString(2));
                skus.add(slot, rs.getString(3));
            }
        }
        return new Items(items.postings(), skus.postings());
    }

    private SegmentFacts.Postings tags(long[] ids) throws SQLException {
        Posts tags = new Posts();
        try (ResultSet rs = stream(dsl.select(CUSTOMER_TAG.CUSTOMER_ID, TAG.NAME).from(CUSTOMER_TAG).join(TAG).on(TAG.ID.eq(CUSTOMER_TAG.TAG_ID)))) {
            while (rs.next()) {
                tags.add(Arrays.binarySearch(ids, rs.getLong(1)), rs.getString(2));
            }
        }
        return tags.postings();
    }

    private SegmentFacts.Postings groups(long[] ids) throws SQLException {
        Posts groups = new Posts();
        try (ResultSet rs = stream(dsl.select(FAN_GROUP_MEMBER.CUSTOMER_ID, FAN_GROUP.NAME).from(FAN_GROUP_MEMBER).join(FAN_GROUP)
                .on(FAN_GROUP.ID.eq(FAN_GROUP_MEMBER.GROUP_ID)).where(FAN_GROUP_MEMBER.LEFT_AT.isNull()))) {
            while (rs.next()) {
                groups.add(Arrays.binarySearch(ids, rs.getLong(1)), rs.getString(2));
            }
        }
        return groups.postings();
    }

    /** Campaign entries (and the gifts shipped), launch votes and reservations: RuleSql's CAMPAIGN, GIFT and LAUNCH. */
    private Participation participation(long[] ids) throws SQLException {
        Posts campaigns = new Posts();
        long[] first = new long[ids.length];
        long[] last = new long[ids.length];
        Arrays.fill(first, SegmentFacts.NONE);
        Arrays.fill(last, SegmentFacts.NONE);
        try (ResultSet rs = stream(dsl.select(CAMPAIGN_ENTRY.CUSTOMER_ID, GIFT_CAMPAIGN.NAME, CAMPAIGN_ENTRY.STATE, CAMPAIGN_ENTRY.SHIPPED_AT)
                .from(CAMPAIGN_ENTRY).join(GIFT_CAMPAIGN).on(GIFT_CAMPAIGN.ID.eq(CAMPAIGN_ENTRY.CAMPAIGN_ID)))) {
            while (rs.next()) {
                int slot = Arrays.binarySearch(ids, rs.getLong(1));
                campaigns.add(slot, SegmentFacts.participation(rs.getString(2), rs.getString(3)));
                campaigns.add(slot, SegmentFacts.participation(rs.getString(2), RuleSql.ANY));
                long at = nanos(rs.getObject(4, OffsetDateTime.class));
                if (slot >= 0 && at != SegmentFacts.NONE) {
                    first[slot] = first[slot] == SegmentFacts.NONE ? at : Math.min(first[slot], at);
                    last[slot] = Math.max(last[slot], at);
                }
            }
        }
        Posts launches = new Posts();
        try (ResultSet rs = stream(dsl.select(LAUNCH_VOTE.CUSTOMER_ID, LAUNCH.NAME).from(LAUNCH_VOTE).join(LAUNCH)
                .on(LAUNCH.ID.eq(LAUNCH_VOTE.LAUNCH_ID)))) {
            while (rs.next()) {
                int slot = Arrays.binarySearch(ids, rs.getLong(1));
                launches.add(slot, SegmentFacts.participation(rs.getString(2), "voted"));
                launches.add(slot, SegmentFacts.participation(rs.getString(2), RuleSql.ANY));
            }
        }
        try (ResultSet rs = stream(dsl.select(LAUNCH_RESERVATION.CUSTOMER_ID, LAUNCH.NAME, LAUNCH_RESERVATION.STATE).from(LAUNCH_RESERVATION)
                .join(LAUNCH).on(LAUNCH.ID.eq(LAUNCH_RESERVATION.LAUNCH_ID)))) {
            while (rs.next()) {
                int slot = Arrays.binarySearch(ids, rs.getLong(1));
                String name = rs.getString(2);
                String state = rs.getString(3);
                launches.add(slot, SegmentFacts.participation(name, RuleSql.ANY));
                if (RuleSql.RESERVED.contains(state)) {
                    launches.add(slot, SegmentFacts.participation(name, "reserved"));
                }
                if ("allocated".equals(state)) {
                    launches.add(slot, SegmentFacts.participation(name, "allocated"));
                }
            }
        }
        return new Participation(campaigns.postings(), launches.postings(), first, last);
    }

    private static ResultSet stream(ResultQuery<?> q) {
        return q.fetchSize(10_000).fetchResultSet();
    }

    private static long nanos(OffsetDateTime t) {
        return t == null ? SegmentFacts.NONE : t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Distinct texts, numbered in order of first sight. */
    private static final class Dict {
        final Map<String, Integer> codes = new HashMap<>();
        final List<String> values = new ArrayList<>();

        int code(String v) {
            String s = v == null ? "" : v;
            Integer c = codes.get(s);
            if (c == null) {
                c = values.size();
                codes.put(s, c);
                values.add(s);
            }
            return c;
        }

        SegmentFacts.Codes codes(IntList c) {
            return new SegmentFacts.Codes(List.copyOf(values), c.toArray());
        }
    }

    /** Up to 32 distinct values as bits per slot; more fails the build (the service then counts in SQL). */
    private static final class Bits {
        final Dict dict = new Dict();
        final int[] bits;

        Bits(int n) {
            bits = new int[n];
        }

        void add(int slot, String value) {
            if (slot < 0 || value == null) {
                return;
            }
            int c = dict.code(value);
            if (c >= 32) {
                throw new IllegalStateException("more than 32 distinct values: " + dict.values.subList(0, 5) + "…");
            }
            bits[slot] |= 1 << c;
        }

        SegmentFacts.Flags flags() {
            return new SegmentFacts.Flags(List.copyOf(dict.values), bits);
        }
    }

    private static final class Posts {
        final Dict dict = new Dict();
        final List<IntList> slots = new ArrayList<>();

        void add(int slot, String value) {
            if (slot < 0 || value == null) {
                return;
            }
            int c = dict.code(value);
            if (c == slots.size()) {
                slots.add(new IntList());
            }
            IntList l = slots.get(c);
            if (l.size == 0 || l.last() != slot) {
                l.add(slot);
            }
        }

        SegmentFacts.Postings postings() {
            int[][] out = new int[slots.size()][];
            for (int i = 0; i < out.length; i++) {
                int[] s = slots.get(i).toArray();
                Arrays.sort(s);
                int k = 0;
                for (int j = 0; j < s.length; j++) {
                    if (k == 0 || s[k - 1] != s[j]) {
                        s[k++] = s[j];
                    }
                }
                out[i] = Arrays.copyOf(s, k);
            }
            return new SegmentFacts.Postings(List.copyOf(dict.values), out);
        }
    }

    private static final class IntList {
        int[] a = new int[16];
        int size;

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int last() {
            return a[size - 1];
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class LongList {
        long[] a = new long[1024];
        int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static final class ByteList {
        byte[] a = new byte[1024];
        int size;

        void add(byte v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        byte[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
