package com.fankeep.core.group;

import static com.fankeep.core.group.Sql.LIVE;
import static com.fankeep.core.group.Sql.in;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SQL of groups and their members. */
final class GroupRepository {

    private static final String GROUP_COLUMNS = "g.id, g.name, g.kind, g.max_members, g.eligible_segment, g.city, g.created_at, "
            + "(select count(*) from fan_group_member m where m.group_id = g.id and m.left_at is null) as members";

    private final Connection c;

    GroupRepository(Connection c) {
        this.c = c;
    }

    List<FanGroup> list() throws SQLException {
        return groups("select " + GROUP_COLUMNS + " from fan_group g order by g.name");
    }

    FanGroup byName(String name) throws SQLException {
        List<FanGroup> g = groups("select " + GROUP_COLUMNS + " from fan_group g where g.name = ?", name);
        return g.isEmpty() ? null : g.getFirst();
    }

    FanGroup byId(long id) throws SQLException {
        List<FanGroup> g = groups("select " + GROUP_COLUMNS + " from fan_group g where g.id = ?", id);
        return g.isEmpty() ? null : g.getFirst();
    }

    private List<FanGroup> groups(String sql, Object... args) throws SQLException {
        List<FanGroup> out = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int cap = rs.getInt(4);
                Integer capacity = rs.wasNull() ? null : cap;
                out.add(new FanGroup(rs.getLong(1), rs.getString(2), GroupKind.of(rs.getString(3)), capacity,
                        rs.getString(5), rs.getString(6), rs.getInt(8), rs.getObject(7, OffsetDateTime.class)));
            }
        }
        return out;
    }

    long insert(NewGroup g, Integer capacity, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into fan_group (name, kind, max_members, eligible_segment, city, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, g.name());
            ps.setString(2, g.kind().code());
            ps.setObject(3, capacity);
            ps.setString(4, g.eligibleSegment());
            ps.setString(5, g.city());
            ps.setObject(6, now);
            ps.setObject(7, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void update(long id, String name, Integer capacity, String eligibleSegment, OffsetDateTime now) throws SQLException {
        Sql.update(c, "update fan_group set name = ?, max_members = ?, eligible_segment = ?, updated_at = ? where id = ?",
                name, capacity, eligibleSegment, now, id);
    }

    void delete(long id) throws SQLException {
        Sql.update(c, "delete from fan_group where id = ?", id);
    }

    /**
     * Takes the group's row lock until the transaction ends: adds to one group run one after another, so two at the
     * edge of the capacity cannot both see a free place.
     */
    void lock(long id, OffsetDateTime now) throws SQLException {
        Sql.update(c, "update fan_group set updated_at = ? where id = ?", now, id);
    }

    int currentMembers(long groupId) throws SQLException {
        return (int) Sql.count(c, "select count(*) from fan_group_member where group_id = ? and left_at is null", groupId);
    }

    /** Among {@code ids}: the live customers. */
    List<Long> live(Collection<Long> ids) throws SQLException {
        List<Long> out = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> part = all.subList(i, Math.min(all.size(), i + 1000));
            out.addAll(Sql.longs(c, "select c.id from customer c where " + LIVE + " and c.id in " + in(part.size()), part.toArray()));
        }
        return out;
    }

    /** Member rows of {@code groupId}: customer id → true when current, false when left. */
    Map<Long, Boolean> memberships(long groupId) throws SQLException {
        Map<Long, Boolean> out = new HashMap<>();
        try (PreparedStatement ps = Sql.prepare(c, "select customer_id, left_at from fan_group_member where group_id = ?", groupId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getObject(2) == null);
            }
        }
        return out;
    }

    void insertMember(long groupId, long customerId, GroupRole role, boolean exception, OffsetDateTime now) throws SQLException {
        Sql.update(c, "insert into fan_group_member (group_id, customer_id, added_at, role, eligibility_exception) values (?, ?, ?, ?, ?)",
                groupId, customerId, now, role.code(), exception);
    }

    /** A former member joins again: a new joined date, the old left date cleared. */
    void rejoin(long groupId, long customerId, boolean exception, OffsetDateTime now) throws SQLException {
        Sql.update(c, "update fan_group_member set added_at = ?, left_at = null, role = 'member', eligibility_exception = ? "
                + "where group_id = ? and customer_id = ?", now, exception, groupId, customerId);
    }

    int remove(long groupId, Collection<Long> customerIds) throws SQLException {
        if (customerIds.isEmpty()) {
            return 0;
        }
        return Sql.update(c, "delete from fan_group_member where group_id = ? and customer_id in " + in(customerIds.size()),
                Sql.args(customerIds, groupId));
    }

    int markLeft(long groupId, Collection<Long> customerIds, OffsetDateTime now) throws SQLException {
        if (customerIds.isEmpty()) {
            return 0;
        }
        return Sql.update(c, "update fan_group_member set left_at = ? where group_id = ? and left_at is null and customer_id in "
                + in(customerIds.size()), Sql.args(customerIds, now, groupId));
    }

    int setRole(long groupId, Collection<Long> customerIds, GroupRole role) throws SQLException {
        if (customerIds.isEmpty()) {
            return 0;
        }
        return Sql.update(c, "update fan_group_member set role = ? where group_id = ? and left_at is null and customer_id in "
                + in(customerIds.size()), Sql.args(customerIds, role.code(), groupId));
    }

    /** An audit line (no personal data: ids only) for an add outside the eligibility segment. */
    void auditException(long groupId, long customerId, String segment, OffsetDateTime now) throws SQLException {
        Sql.update(c, "insert into audit_log (occurred_at, action, entity, entity_id, summary) values (?, ?, ?, ?, ?)",
                now, "group_exception", "fan_group", groupId, "customer #" + customerId + " added outside eligibility");
    }

    List<GroupMember> members(long groupId, boolean withLeft) throws SQLException {
        String sql = "select c.id, c.name, c.city, (select ct.tier from customer_tier ct where ct.customer_id = c.id), m.role, m.added_at, m.left_at, m.eligibility_exception, c.order_count, "
                + "c.last_order_at, (select max(i.occurred_at) from interaction i where i.customer_id = c.id) "
                + "from fan_group_member m join customer c on c.id = m.customer_id where m.group_id = ? and " + LIVE
                + (withLeft ? "" : " and m.left_at is null")
                + " order by case when m.left_at is null then 0 else 1 end, case m.role when 'owner' then 0 when 'admin' then 1 else 2 end, "
                + "m.added_at, c.id";
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(c, sql, groupId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getBoolean(8), rs.getInt(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class)});
            }
        }
        Map<Long, Map<String, BigDecimal>> spend = spend(rows.stream().map(r -> (Long) r[0]).toList());
        List<GroupMember> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new GroupMember((Long) r[0], (String) r[1], (String) r[2], (String) r[3], GroupRole.of((String) r[4]),
                    (OffsetDateTime) r[5], (OffsetDateTime) r[6], (Boolean) r[7], (Integer) r[8],
                    spend.getOrDefault((Long) r[0], Map.of()), (OffsetDateTime) r[9], (OffsetDateTime) r[10]));
        }
        return out;
    }

    /**
     * Live, contactable customers not currently in the group, most valuable first (net spend over all currencies,
     * then orders, then the latest order), {@code limit} from {@code offset}.
     */
    List<InviteCandidate> candidates(long groupId, int limit, int offset) throws SQLException {
        String sql = "select c.id, c.name, c.city, (select ct.tier from customer_tier ct where ct.customer_id = c.id), c.order_count, c.last_order_at, "
                + "(select coalesce(sum(s.net_spend), 0) from customer_spend s where s.customer_id = c.id) as spend "
                + "from customer c where " + LIVE + " and c.do_not_contact = false and not exists (select 1 from fan_group_member m "
                + "where m.group_id = ? and m.customer_id = c.id and m.left_at is null) "
                + "order by spend desc, c.order_count desc, c.last_order_at desc nulls last, c.id limit ? offset ?";
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(c, sql, groupId, limit, offset); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getBigDecimal(7)});
            }
        }
        Map<Long, Map<String, BigDecimal>> spend = spend(rows.stream().map(r -> (Long) r[0]).toList());
        List<InviteCandidate> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new InviteCandidate((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (Integer) r[4],
                    (BigDecimal) r[6], spend.getOrDefault((Long) r[0], Map.of()), (OffsetDateTime) r[5]));
        }
        return out;
    }

    /** Net spend per currency of each customer. */
    Map<Long, Map<String, BigDecimal>> spend(List<Long> ids) throws SQLException {
        Map<Long, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + 1000));
            try (PreparedStatement ps = Sql.prepare(c, "select customer_id, currency, net_spend from customer_spend where customer_id in "
                    + in(part.size()), part.toArray()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                }
            }
        }
        return out;
    }
}
