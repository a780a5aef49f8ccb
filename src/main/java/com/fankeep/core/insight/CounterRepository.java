package com.fankeep.core.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The dashboard's counters (V0140, ADR 0033): each live customer's place and furthest channel state ({@code buyer_fact})
 * and small counts over them and {@code buyer_first} ({@code insight_count}): buyers per platform and place, repeaters,
 * live customers per funnel state. Kept by difference — the counts of the customers a change touched before and after
 * it — so no reader goes over every customer.
 */
final class CounterRepository {

    /** One counter: 'place' (platform, province, city), 'funnel' ('*', state), 'buyers' / 'repeaters' (platform). */
    record Key(String kind, String platform, String name1, String name2) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return text().compareTo(o.text());
        }

        String text() {
            return kind + "|" + platform + "|" + name1 + "|" + name2;
        }
    }

    static final String FUNNEL_BEST = "max(case ch.funnel_state when 'connected' then 3 when 'requested' then 2"
            + " when 'exported' then 1 else 0 end)";
    private static final String FACTS = "select c.id, c.province, c.city, (select " + FUNNEL_BEST
            + " from contact_channel ch where ch.customer_id = c.id) from customer c where c.merged_into_id is null"
            + " and c.erased_at is null and ";

    private final DSLContext dsl;

    CounterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Brings these customers' facts to what they should be, writing only the rows that differ (ADR 0039). */
    void refreshFactsOf(Collection<Long> ids) {
        String in = AggregateRepository.idList(ids);
        Map<String, Object[]> stored = new HashMap<>();
        dsl.fetch("select customer_id, province, city, funnel_best from buyer_fact where customer_id in (" + in + ")")
                .forEach(r -> stored.put(java.util.Arrays.toString(r.intoArray()), r.intoArray()));
        List<Object[]> insert = new ArrayList<>();
        dsl.fetch(FACTS + "c.id in (" + in + ")").forEach(r -> {
            Object[] row = {r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class), r.get(3, Integer.class)};
            if (stored.remove(java.util.Arrays.toString(row)) == null) {
                insert.add(row);
            }
        });
        if (!stored.isEmpty()) {
            var delete = dsl.batch(dsl.query("delete from buyer_fact where customer_id = ?", (Object) null));
            stored.values().forEach(row -> delete.bind(row[0]));
            delete.execute();
        }
        if (!insert.isEmpty()) {
            var add = dsl.batch(dsl.query("insert into buyer_fact (customer_id, province, city, funnel_best) values (?, ?, ?, ?)",
                    new Object[4]));
            insert.forEach(add::bind);
            add.execute();
        }
    }

    void insertFactsBetween(long from, long to) {
        dsl.execute("insert into buyer_fact (customer_id, province, city, funnel_best) " + FACTS + "c.id between ? and ?", from, to);
    }

    void deleteAll() {
        dsl.execute("delete from buyer_fact");
        dsl.execute("delete from insight_count");
    }

    /** The stored facts of customers in [from, to] and what they should be, as sorted text: [stored, expected]. */
    List<List<String>> factsBetween(long from, long to) {
        List<String> stored = new ArrayList<>();
        dsl.fetch("select customer_id, province, city, funnel_best from buyer_fact where customer_id between ? and ?"
                + " order by customer_id", from, to).forEach(r -> stored.add(r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3)));
        List<String> expected = new ArrayList<>();
        dsl.fetch(FACTS + "c.id between ? and ? order by c.id", from, to)
                .forEach(r -> expected.add(r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3)));
        return List.of(stored, expected);
    }

    /** What these customers contribute to the counts (their buyer_first and buyer_fact rows as they are now). */
    Map<Key, Long> countsOf(Collection<Long> ids) {
        return counts(" and x.customer_id in (" + AggregateRepository.idList(ids) + ")");
    }

    /** Every count from the rows, for a rebuild and for `db check`. */
    Map<Key, Long> countsAll() {
        return counts("");
    }

    private Map<Key, Long> counts(String filter) {
        Map<Key, Long> out = new TreeMap<>();
        String place = "select 'place', x.platform, coalesce(p.province, ''), coalesce(p.city, ''), count(*) from buyer_first x"
                + " join buyer_fact p on p.customer_id = x.customer_id where (p.province is not null or p.city is not null)" + filter
                + " group by x.platform, coalesce(p.province, ''), coalesce(p.city, '')";
        String funnel = "select 'funnel', '*', cast(x.funnel_best as varchar(100)), '', count(*) from buyer_fact x"
                + " where x.funnel_best is not null" + filter + " group by x.funnel_best";
        String buyers = "select 'buyers', x.platform, '', '', count(*) from buyer_first x where 1 = 1" + filter + " group by x.platform";
        String repeaters = "select 'repeaters', x.platform, '', '', count(*) from buyer_first x where x.second_day is not null" + filter
                + " group by x.platform";
        // the place join filtered on both sides, so neither is read whole to look the other up (ADR 0039)
        String placeBoth = place.replace(" group by", filter.replace("x.customer_id", "p.customer_id") + " group by");
        for (String sql : List.of(placeBoth, funnel, buyers, repeaters)) {
            dsl.fetch(sql).forEach(r -> out.merge(new Key(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class),
                    r.get(3, String.class)), r.get(4, Long.class), Long::sum));
        }
        return out;
    }

    Map<Key, Long> stored() {
        Map<Key, Long> out = new TreeMap<>();
        dsl.fetch("select kind, platform, name1, name2, n from insight_count").forEach(r -> out.put(new Key(r.get(0, String.class),
                r.get(1, String.class), r.get(2, String.class), r.get(3, String.class)), r.get(4, Long.class)));
        return out;
    }

    /** after − before, without the zeros. */
    static Map<Key, Long> difference(Map<Key, Long> after, Map<Key, Long> before) {
        Map<Key, Long> out = new HashMap<>(after);
        before.forEach((k, n) -> out.merge(k, -n, Long::sum));
        out.values().removeIf(n -> n == 0);
        return out;
    }

    /** Adds these differences to the stored counts (a count that reaches 0 is removed, as a full count has none). */
    void add(Map<Key, Long> delta) {
        delta.forEach((k, n) -> {
            int updated = dsl.execute("update insight_count set n = n + ? where kind = ? and platform = ? and name1 = ? and name2 = ?",
                    n, k.kind(), k.platform(), k.name1(), k.name2());
            if (updated == 0) {
                dsl.execute("insert into insight_count (kind, platform, name1, name2, n) values (?, ?, ?, ?, ?)",
                        k.kind(), k.platform(), k.name1(), k.name2(), n);
            } else {
                dsl.execute("delete from insight_count where n = 0 and kind = ? and platform = ? and name1 = ? and name2 = ?",
                        k.kind(), k.platform(), k.name1(), k.name2());
            }
        });
    }

    void replaceAll(Map<Key, Long> counts) {
        dsl.execute("delete from insight_count");
        add(counts);
    }

    /** One count; 0 when there is none. */
    long total(String kind, String platform) {
        var r = dsl.fetchOne("select n from insight_count where kind = ? and platform = ? and name1 = '' and name2 = ''", kind, platform);
        return r == null ? 0 : r.get(0, Long.class);
    }

    /** The counts of one kind and platform: [name1, name2, n]. */
    List<Object[]> of(String kind, String platform) {
        List<Object[]> out = new ArrayList<>();
        dsl.fetch("select name1, name2, n from insight_count where kind = ? and platform = ?", kind, platform)
                .forEach(r -> out.add(new Object[] {r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class)}));
        return out;
    }
}
