package com.fankeep.core.export;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads customers page by page (keyset on id) for an export, and records what went out. */
final class ExportRepository {

    private final Connection c;
    private final OffsetDateTime now;

    ExportRepository(Connection c, OffsetDateTime now) {
        this.c = c;
        this.now = now;
    }

    private String where(CustomerFilter f, List<Object> params) {
        StringBuilder w = new StringBuilder("c.merged_into_id is null and c.erased_at is null");
        if (f.recoveryState() != null) {
            w.append(" and c.recovery_state = ?");
            params.add(f.recoveryState());
        }
        if (f.city() != null) {
            w.append(" and c.city = ?");
            params.add(f.city());
        }
        if (f.tag() != null) {
            w.append(" and exists (select 1 from customer_tag ct join tag t on t.id = ct.tag_id where ct.customer_id = c.id and t.name = ?)");
            params.add(f.tag());
        }
        if (f.hasPhone()) {
            w.append(" and exists (select 1 from contact_channel p where p.customer_id = c.id and p.kind = 'phone' and p.is_masked = false)");
        }
        if (f.lapsedDays() != null) {
            w.append(" and c.last_order_at < ?");
            params.add(now.minusDays(f.lapsedDays()));
        }
        return w.toString();
    }

    int count(CustomerFilter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from customer c where " + where(f, params);
        if (f.ids() != null) {
            int n = 0;
            for (int from = 0; from < f.ids().size(); from += 500) {
                List<Long> part = f.ids().subList(from, Math.min(f.ids().size(), from + 500));
                List<Object> p = new ArrayList<>(params);
                p.addAll(part);
                n += single(sql + " and c.id in " + in(part.size()), p);
            }
            return n;
        }
        return single(sql, params);
    }

    /** The next customers after {@code afterId}, by id. */
    List<ExportRow> page(CustomerFilter f, long afterId, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select c.id, c.name, c.gender, c.province, c.city, c.order_count, c.first_order_at, c.last_order_at, "
                + "c.recovery_state, (select ct.tier from customer_tier ct where ct.customer_id = c.id), c.note from customer c where " + where(f, params) + " and c.id > ?";
        params.add(afterId);
        if (f.ids() != null) {
            int from = java.util.Collections.binarySearch(f.ids(), afterId + 1);
            from = from >= 0 ? from : -from - 1;
            List<Long> next = f.ids().subList(from, Math.min(f.ids().size(), from + limit));
            if (next.isEmpty()) {
                return List.of();
            }
            sql += " and c.id in " + in(next.size());
            params.addAll(next);
        }
        sql += " order by c.id limit " + limit;
        Map<Long, Object[]> base = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    base.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                            rs.getString(9), rs.getString(10), rs.getString(11)});
                }
            }
        }
        if (base.isEmpty()) {
            return List.of();
        }
        List<Long> ids = List.copyOf(base.keySet());
        Map<Long, Map<String, List<String>>> channels = channels(ids);
        Map<Long, List<String>> tags = strings("select ct.customer_id, t.name from customer_tag ct join tag t on t.id = ct.tag_id "
                + "where ct.customer_id in " + in(ids.size()) + " order by t.name", ids);
        Map<Long, Object[]> spend = mainSpend(ids);
        Map<Long, String> lastItems = lastItems(ids);
        List<ExportRow> rows = new ArrayList<>();
        for (var e : base.entrySet()) {
            long id = e.getKey();
            Object[] b = e.getValue();
            Map<String, List<String>> ch = channels.getOrDefault(id, Map.of());
            Object[] s = spend.getOrDefault(id, new Object[] {null, null});
            rows.add(new ExportRow(id, (String) b[0], (String) b[1], (String) b[2], (String) b[3],
                    ch.getOrDefault("phone", List.of()), ch.getOrDefault("wechat", List.of()), ch.getOrDefault("qq", List.of()),
                    ch.getOrDefault("email", List.of()), ch.getOrDefault("address", List.of()), tags.getOrDefault(id, List.of()),
                    (Integer) b[4], (String) s[0], (BigDecimal) s[1], (OffsetDateTime) b[5], (OffsetDateTime) b[6],
                    lastItems.get(id), (String) b[7], (String) b[8], (String) b[9]));
        }
        return rows;
    }

    private Map<Long, Map<String, List<String>>> channels(List<Long> ids) throws SQLException {
        Map<Long, Map<String, List<String>>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_id, kind, raw_value, normalized_value from contact_channel "
                + "where customer_id in " + in(ids.size()) + " and is_masked = false order by customer_id, is_primary desc, id")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(2);
                    // phones as the owner would dial them: E.164 when known (the raw text may be "138 0013 8000")
                    String value = kind.equals("phone") && rs.getString(4) != null && rs.getString(4).startsWith("+")
                            ? rs.getString(4) : rs.getString(3);
                    List<String> list = out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).computeIfAbsent(kind, k -> new ArrayList<>());
                    if (!list.contains(value)) {
                        list.add(value);
                    }
                }
            }
        }
        return out;
    }

    /** The currency the customer spent most in, and that net spend. */
    private Map<Long, Object[]> mainSpend(List<Long> ids) throws SQLException {
        Map<Long, Object[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_id, currency, net_spend from customer_spend where customer_id in "
                + in(ids.size()) + " order by customer_id, net_spend")) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getBigDecimal(3)}); // the largest comes last
                }
            }
        }
        return out;
    }

    /** The first line's title of each customer's newest order. */
    private Map<Long, String> lastItems(List<Long> ids) throws SQLException {
        Map<Long, long[]> newest = new HashMap<>();
        Map<Long, OffsetDateTime> newestAt = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_id, id, coalesce(ordered_at, paid_at) from shop_order "
                + "where customer_id in " + in(ids.size()))) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                    long cid = rs.getLong(1);
                    if (!newestAt.containsKey(cid) || at != null && (newestAt.get(cid) == null || at.isAfter(newestAt.get(cid)))) {
                        newestAt.put(cid, at);
                        newest.put(cid, new long[] {rs.getLong(2)});
                    }
                }
            }
        }
        Map<Long, String> out = new HashMap<>();
        if (newest.isEmpty()) {
            return out;
        }
        Map<Long, Long> orderToCustomer = new HashMap<>();
        newest.forEach((cid, o) -> orderToCustomer.put(o[0], cid));
        List<Long> orders = List.copyOf(orderToCustomer.keySet());
        try (PreparedStatement ps = c.prepareStatement("select order_id, title from order_line where order_id in " + in(orders.size())
                + " order by order_id, line_no")) {
            bind(ps, orders);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.putIfAbsent(orderToCustomer.get(rs.getLong(1)), rs.getString(2));
                }
            }
        }
        return out;
    }

    long log(ExportKind kind, String fileName, int rows, boolean masked, String filterText) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into export_log (exported_at, kind, file_name, row_count, masked, filter_text) "
                + "values (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setObject(1, now);
            ps.setString(2, kind.logKind());
            ps.setString(3, fileName);
            ps.setInt(4, rows);
            ps.setBoolean(5, masked);
            ps.setString(6, filterText);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Which customers went out in which part of an export, and their phones are now "exported" (unless further along). */
    void members(long exportId, List<long[]> customerAndPart, boolean phonesToAddressBook) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into export_log_member (export_id, customer_id, part_no) values (?, ?, ?)");
             PreparedStatement funnel = c.prepareStatement("update contact_channel set funnel_state = 'exported', funnel_state_at = ? "
                     + "where customer_id = ? and kind = 'phone' and is_masked = false and funnel_state = 'known'")) {
            int n = 0;
            for (long[] m : customerAndPart) {
                ps.setLong(1, exportId);
                ps.setLong(2, m[0]);
                ps.setInt(3, (int) m[1]);
                ps.addBatch();
                if (phonesToAddressBook) {
                    funnel.setObject(1, now);
                    funnel.setLong(2, m[0]);
                    funnel.addBatch();
                }
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                    funnel.executeBatch();
                }
            }
            ps.executeBatch();
            funnel.executeBatch();
        }
    }

    private Map<Long, List<String>> strings(String sql, List<Long> ids) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private int single(String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static String in(int n) {
        return "(" + "?, ".repeat(n - 1) + "?)";
    }
}
