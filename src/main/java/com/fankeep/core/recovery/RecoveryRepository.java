package com.fankeep.core.recovery;

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

/** The SQL of the recovery pipeline. */
final class RecoveryRepository {

    private static final String LIVE = "c.merged_into_id is null and c.erased_at is null";
    private static final String SPEND = "(select coalesce(sum(s.net_spend), 0) from customer_spend s where s.customer_id = c.id)";
    private static final String PIPELINE = "('to_contact', 'contacted', 'added')";

    private final Connection c;

    RecoveryRepository(Connection c) {
        this.c = c;
    }

    Map<RecoveryState, Integer> counts(OffsetDateTime lapsedBefore) throws SQLException {
        Map<RecoveryState, Integer> out = new EnumMap<>(RecoveryState.class);
        for (RecoveryState s : RecoveryState.values()) {
            out.put(s, 0);
        }
        // the states named, not "<> 'none'": an index serves a list of values, not an inequality (876 ms → 16 ms on 300,000)
        String inPipeline = java.util.Arrays.stream(RecoveryState.values()).filter(s -> s != RecoveryState.NONE)
                .map(s -> "'" + s.code() + "'").collect(java.util.stream.Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("select c.recovery_state, count(*) from customer c where " + LIVE
                + " and c.recovery_state in (" + inPipeline + ") group by c.recovery_state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(RecoveryState.of(rs.getString(1)), rs.getInt(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select count(*) from customer c where " + LIVE
                + " and c.recovery_state = 'none' and c.last_order_at < ?")) {
            ps.setObject(1, lapsedBefore);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.put(RecoveryState.NONE, rs.getInt(1));
            }
        }
        return out;
    }

    /** Customers in a state (for NONE: lapsed ones not in the pipeline), most valuable first. */
    List<RecoveryCustomer> list(RecoveryState state, OffsetDateTime lapsedBefore, int limit, int offset) throws SQLException {
        String where = state == RecoveryState.NONE ? "c.recovery_state = 'none' and c.last_order_at < ?" : "c.recovery_state = ?";
        String sql = "select c.id, c.name, c.city, c.order_count, " + SPEND + " as spend, c.last_order_at, c.recovery_state, "
                + "c.recovery_state_at, (select count(*) from contact_channel ch where ch.customer_id = c.id and ch.kind = 'phone' "
                + "and ch.is_masked = false) as phones from customer c where " + LIVE + " and " + where
                + " order by spend desc, c.order_count desc, c.last_order_at desc nulls last, c.id limit ? offset ?";
        List<long[]> ids = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, state == RecoveryState.NONE ? lapsedBefore : state.code());
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new long[] {rs.getLong(1)});
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getInt(9) > 0});
                }
            }
        }
        Map<Long, String> spendText = spendText(ids.stream().map(a -> a[0]).toList());
        Map<Long, RecoveryCustomer.Contacts> contacts = contacts(ids.stream().map(a -> a[0]).toList());
        List<RecoveryCustomer> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new RecoveryCustomer((Long) r[0], (String) r[1], (String) r[2], (Integer) r[3], (BigDecimal) r[4],
                    spendText.getOrDefault((Long) r[0], ""), (OffsetDateTime) r[5], RecoveryState.of((String) r[6]),
                    (OffsetDateTime) r[7], (Boolean) r[8], contacts.getOrDefault((Long) r[0], RecoveryCustomer.Contacts.NONE)));
        }
        return out;
    }

    /** Each customer's primary (else oldest) phone — a callable one before a masked one — WeChat and QQ. */
    private Map<Long, RecoveryCustomer.Contacts> contacts(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String[]> found = new LinkedHashMap<>();
        Map<Long, Boolean> masked = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select customer_id, kind, raw_value, normalized_value, is_masked "
                + "from contact_channel where kind in ('phone', 'wechat', 'qq') and customer_id in ("
                + "?, ".repeat(ids.size() - 1) + "?) order by is_masked, is_primary desc, id")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] slot = found.computeIfAbsent(rs.getLong(1), k -> new String[3]);
                    int at = switch (rs.getString(2)) {
                        case "phone" -> 0;
                        case "wechat" -> 1;
                        default -> 2;
                    };
                    if (slot[at] == null) {
                        boolean hidden = rs.getBoolean(5);
                        slot[at] = hidden || rs.getString(4) == null ? rs.getString(3) : rs.getString(4);
                        if (at == 0) {
                            masked.put(rs.getLong(1), hidden);
                        }
                    }
                }
            }
        }
        Map<Long, RecoveryCustomer.Contacts> out = new LinkedHashMap<>();
        found.forEach((id, s) -> out.put(id, new RecoveryCustomer.Contacts(s[0], masked.getOrDefault(id, false), s[1], s[2])));
        return out;
    }

    private Map<Long, String> spendText(List<Long> ids) throws SQLException {
        Map<Long, Map<String, BigDecimal>> by = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return Map.of();
        }
        try (PreparedStatement ps = c.prepareStatement("select customer_id, currency, net_spend from customer_spend where customer_id in ("
                + "?, ".repeat(ids.size() - 1) + "?)")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                }
            }
        }
        Map<Long, String> out = new LinkedHashMap<>();
        by.forEach((id, m) -> out.put(id, com.fankeep.core.shared.MoneyText.format(m)));
        return out;
    }

    /** @return the ids whose state changed */
    List<Long> move(Collection<Long> ids, RecoveryState to, OffsetDateTime now) throws SQLException {
        List<Long> changed = new ArrayList<>();
        for (long id : ids) {
            String current = null;
            try (PreparedStatement ps = c.prepareStatement("select recovery_state from customer c where c.id = ? and " + LIVE)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        current = rs.getString(1);
                    }
                }
            }
            if (current == null) {
                throw new IllegalArgumentException("no customer #" + id + " (or merged away, or erased)");
            }
            if (current.equals(to.code())) {
                continue;
            }
            String entered = to == RecoveryState.NONE ? "null" : current.equals("none") ? "?" : "recovery_entered_at";
            try (PreparedStatement ps = c.prepareStatement("update customer set recovery_state = ?, recovery_state_at = ?, "
                    + "recovery_entered_at = " + entered + ", recovery_previous_state = null, updated_at = ? where id = ?")) {
                int p = 1;
                ps.setString(p++, to.code());
                ps.setObject(p++, to == RecoveryState.NONE ? null : now);
                if (entered.equals("?")) {
                    ps.setObject(p++, now);
                }
                ps.setObject(p++, now);
                ps.setLong(p, id);
                ps.executeUpdate();
            }
            changed.add(id);
        }
        return changed;
    }

    /** Customers in the pipeline whose last order is newer than their entering it become active again. */
    List<Long> catchUp(OffsetDateTime now) throws SQLException {
        // liveness checked on the rows found, not in the WHERE: with it H2 drove the statement from the live index (every
        // live customer, 300,000 rows read after each import) instead of the pipeline's few through the state index
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select c.id, c.merged_into_id, c.erased_at from customer c"
                + " where c.recovery_state in " + PIPELINE + " and c.recovery_entered_at is not null"
                + " and c.last_order_at > c.recovery_entered_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getObject(2) == null && rs.getObject(3) == null) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        for (long id : ids) {
            try (PreparedStatement ps = c.prepareStatement("update customer set recovery_previous_state = recovery_state, "
                    + "recovery_state = 'active_again', recovery_state_at = ? where id = ?")) {
                ps.setObject(1, now);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        return ids;
    }

    /** Customers set active again by an import whose new order is gone (the import was undone) go back. */
    List<Long> revert(OffsetDateTime now) throws SQLException {
        List<Long> ids = ids("select c.id from customer c where c.recovery_state = 'active_again' "
                + "and c.recovery_previous_state is not null and (c.last_order_at is null or c.last_order_at <= c.recovery_entered_at)");
        for (long id : ids) {
            try (PreparedStatement ps = c.prepareStatement("update customer set recovery_state = recovery_previous_state, "
                    + "recovery_previous_state = null, recovery_state_at = ? where id = ?")) {
                ps.setObject(1, now);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        return ids;
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
