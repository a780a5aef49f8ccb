package com.fankeep.core.merge;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads suggested duplicates and the customers they name; records new suggestions and dismissals. */
final class DuplicateRepository {

    private static final String LIVE = "merged_into_id is null and erased_at is null";

    private final Connection c;

    DuplicateRepository(Connection c) {
        this.c = c;
    }

    private static final String OPEN = "from merge_suggestion s "
            + "join customer a on a.id = s.customer_a_id join customer b on b.id = s.customer_b_id "
            + "where s.status = 'open' and a.merged_into_id is null and a.erased_at is null "
            + "and b.merged_into_id is null and b.erased_at is null and not exists (select 1 from merge_dismissal d "
            + "where d.customer_a_id = s.customer_a_id and d.customer_b_id = s.customer_b_id)";

    /**
     * Open suggestions between live customers that were not dismissed, as pair → evidence, strongest first
     * ({@link DuplicateStrength}: the best reason, a little more per further reason), then oldest first.
     */
    Map<List<Long>, List<Evidence>> openPairs(int limit) throws SQLException {
        List<List<Long>> ranked = new ArrayList<>();
        String sql = "select s.customer_a_id, s.customer_b_id " + OPEN + " group by s.customer_a_id, s.customer_b_id "
                + "order by least(100, max(" + DuplicateStrength.sqlCase("s.reason") + ") + " + DuplicateStrength.PER_EXTRA_REASON
                + " * (count(distinct s.reason) - 1)) desc, min(s.id) fetch first ? rows only";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ranked.add(List.of(rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        Map<List<Long>, List<Evidence>> pairs = new LinkedHashMap<>();
        ranked.forEach(p -> pairs.put(p, new ArrayList<>()));
        for (int from = 0; from < ranked.size(); from += 500) {
            List<Long> firsts = ranked.subList(from, Math.min(ranked.size(), from + 500)).stream().map(p -> p.get(0)).distinct().toList();
            try (PreparedStatement ps = c.prepareStatement("select s.customer_a_id, s.customer_b_id, s.reason, s.evidence "
                    + "from merge_suggestion s where s.status = 'open' and s.customer_a_id in " + MergeRepository.in(firsts)
                    + " order by " + DuplicateStrength.sqlCase("s.reason") + " desc, s.id")) {
                RowImages.bind(ps, firsts);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Evidence> e = pairs.get(List.of(rs.getLong(1), rs.getLong(2)));
                        if (e != null) {
                            e.add(new Evidence(rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    /** The open pairs, counted up to {@code upTo} (78,000 suggestions were read whole to count 100: seconds). */
    int countOpenPairs(int upTo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from (select distinct s.customer_a_id, s.customer_b_id "
                + OPEN + " fetch first ? rows only) p")) {
            ps.setInt(1, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Cards of these customers, by id (missing ids are left out). */
    Map<Long, CustomerCard> cards(Collection<Long> ids) throws SQLException {
        Map<Long, CustomerCard> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<Long> list = List.copyOf(ids);
        Map<Long, List<String>> channels = new LinkedHashMap<>();
        Map<Long, Map<String, BigDecimal>> spend = new LinkedHashMap<>();
        for (int from = 0; from < list.size(); from += 500) {
            List<Long> part = list.subList(from, Math.min(list.size(), from + 500));
            String in = MergeRepository.in(part);
            try (PreparedStatement ps = c.prepareStatement("select customer_id, kind, platform, raw_value from contact_channel "
                    + "where customer_id in " + in + " order by customer_id, kind, id")) {
                RowImages.bind(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String platform = rs.getString(3);
                        channels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + " "
                                + (platform == null ? "" : platform + ":")
                                + rs.getString(4));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select customer_id, currency, net_spend from customer_spend "
                    + "where customer_id in " + in)) {
                RowImages.bind(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        spend.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                    }
                }
            }
            for (Map<String, String> row : RowImages.select(c, "select * from customer where id in " + in + " order by id", part)) {
                long id = Long.parseLong(row.get("id"));
                Map<MergeField, String> fields = new EnumMap<>(MergeField.class);
                for (MergeField f : MergeField.values()) {
                    fields.put(f, f.display(row));
                }
                String money = com.fankeep.core.shared.MoneyText.format(spend.getOrDefault(id, Map.of()));
                out.put(id, new CustomerCard(id, row.get("name"), fields, Integer.parseInt(row.get("order_count")),
                        row.get("last_order_at") == null ? null : OffsetDateTime.parse(row.get("last_order_at")),
                        money, channels.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    boolean dismissed(long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from merge_dismissal where customer_a_id = ? and customer_b_id = ?")) {
            ps.setLong(1, Math.min(a, b));
            ps.setLong(2, Math.max(a, b));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void dismiss(long a, long b) throws SQLException {
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        if (!dismissed(low, high)) {
            try (PreparedStatement ps = c.prepareStatement("insert into merge_dismissal (customer_a_id, customer_b_id) values (?, ?)")) {
                ps.setLong(1, low);
                ps.setLong(2, high);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update merge_suggestion set status = 'dismissed', decided_at = ? "
                + "where customer_a_id = ? and customer_b_id = ? and status = 'open'")) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setLong(2, low);
            ps.setLong(3, high);
            ps.executeUpdate();
        }
    }

    /** Every suggestion ever recorded (open, dismissed or merged) as "a|b|reason": a scan adds only what is not there. */
    java.util.Set<String> suggestedKeys() throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_a_id, customer_b_id, reason from merge_suggestion");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3));
            }
        }
        return out;
    }

    /** The same, of the pairs with one of these customers (through the customer indexes, ids as constants). */
    java.util.Set<String> suggestedKeys(Collection<Long> customers) throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        forPairsOf(customers, "select customer_a_id, customer_b_id, reason from merge_suggestion",
                rs -> out.add(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3)));
        return out;
    }

    /** The same, of the pairs with one of these customers. */
    java.util.Set<List<Long>> dismissedPairs(Collection<Long> customers) throws SQLException {
        java.util.Set<List<Long>> out = new java.util.HashSet<>();
        forPairsOf(customers, "select customer_a_id, customer_b_id from merge_dismissal",
                rs -> out.add(List.of(rs.getLong(1), rs.getLong(2))));
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void forPairsOf(Collection<Long> customers, String select, RowReader reader) throws SQLException {
        List<Long> ids = List.copyOf(new java.util.TreeSet<>(customers));
        for (int from = 0; from < ids.size(); from += 1000) {
            String in = DuplicateKeys.constants(ids.subList(from, Math.min(ids.size(), from + 1000)));
            for (String side : List.of("customer_a_id", "customer_b_id")) {
                try (PreparedStatement ps = c.prepareStatement(select + " where " + side + " in " + in);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    /** The pairs the owner said are different people. */
    java.util.Set<List<Long>> dismissedPairs() throws SQLException {
        java.util.Set<List<Long>> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_a_id, customer_b_id from merge_dismissal");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(List.of(rs.getLong(1), rs.getLong(2)));
            }
        }
        return out;
    }

    /** New suggestions, in batches (lower id first in each pair, as the scanner gives them). */
    void insertSuggestions(List<DuplicateScanner.Found> found) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into merge_suggestion (customer_a_id, customer_b_id, reason, "
                + "evidence) values (?, ?, ?, ?)")) {
            int n = 0;
            for (DuplicateScanner.Found f : found) {
                ps.setLong(1, Math.min(f.a(), f.b()));
                ps.setLong(2, Math.max(f.a(), f.b()));
                ps.setString(3, f.reason());
                ps.setString(4, f.evidence().length() > 2000 ? f.evidence().substring(0, 2000) : f.evidence());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Live customers that are not merged away or erased, among these ids. */
    List<Long> live(Collection<Long> ids) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from customer where id in " + MergeRepository.in(ids)
                + " and " + LIVE + " order by id")) {
            RowImages.bind(ps, List.copyOf(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
