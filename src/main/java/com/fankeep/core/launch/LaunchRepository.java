package com.fankeep.core.launch;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL of launches, their phases, votes, reservations, allocation runs and hand-assigned orders. */
final class LaunchRepository {

    private static final String LIVE = "c.merged_into_id is null and c.erased_at is null";
    private static final String RES_COLUMNS = "r.id, r.customer_id, c.name, (select ct.tier from customer_tier ct where ct.customer_id = c.id), r.quantity, r.requested_at, r.channel, r.state, "
            + "r.allocated_quantity, r.waitlist_position, r.allocated_at, r.allocation_reason from launch_reservation r join customer c on c.id = r.customer_id";

    /** A fan's name and tier. */
    record Fan(long id, String name, String tier) {
    }

    private final Connection c;

    LaunchRepository(Connection c) {
        this.c = c;
    }

    // --- launches and phases

    long insert(NewLaunch n, int expiryHours, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into launch (name, product_name, sku_pattern, currency, planned_quantity, "
                + "unit_cost, expiry_hours, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'planning', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, n.name(), n.product(), n.skuPattern(), n.currency(), n.plannedQuantity(), n.unitCost(), expiryHours, now, now);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Launch find(long id) throws SQLException {
        List<Launch> l = launches("where l.id = ?", id);
        return l.isEmpty() ? null : l.getFirst();
    }

    List<Launch> list() throws SQLException {
        return launches("order by l.id desc");
    }

    private List<Launch> launches(String tail, Object... args) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare("select l.id, l.name, l.product_name, l.sku_pattern, l.currency, l.planned_quantity, "
                + "l.unit_cost, l.expiry_hours, l.status from launch l " + tail, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        intOrNull(rs, 6), rs.getBigDecimal(7), rs.getInt(8), rs.getString(9)});
            }
        }
        List<Launch> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Launch((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (Integer) r[5],
                    (BigDecimal) r[6], (Integer) r[7], (String) r[8], phases((Long) r[0])));
        }
        return out;
    }

    private List<LaunchPhase> phases(long launchId) throws SQLException {
        List<LaunchPhase> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("select id, kind, starts_at, ends_at, audience_kind, audience_value, quota, "
                + "per_customer_limit, price, started_at, reached from launch_phase where launch_id = ? order by seq", launchId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LaunchPhase(rs.getLong(1), PhaseKind.of(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), intOrNull(rs, 7), intOrNull(rs, 8),
                        rs.getBigDecimal(9), rs.getObject(10, OffsetDateTime.class), intOrNull(rs, 11)));
            }
        }
        return out;
    }

    void savePhase(long launchId, PhaseSpec s) throws SQLException {
        int n = update("update launch_phase set starts_at = ?, ends_at = ?, audience_kind = ?, audience_value = ?, quota = ?, "
                + "per_customer_limit = ?, price = ? where launch_id = ? and kind = ?", s.from(), s.to(), s.audienceKind(),
                s.audienceValue(), s.quota(), s.perCustomer(), s.price(), launchId, s.kind().code());
        if (n == 0) {
            update("insert into launch_phase (launch_id, kind, seq, starts_at, ends_at, audience_kind, audience_value, quota, "
                    + "per_customer_limit, price) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", launchId, s.kind().code(), s.kind().ordinal(),
                    s.from(), s.to(), s.audienceKind(), s.audienceValue(), s.quota(), s.perCustomer(), s.price());
        }
    }

    void started(long phaseId, long launchId, PhaseKind kind, OffsetDateTime now, int reached) throws SQLException {
        update("update launch_phase set started_at = ?, reached = ? where id = ?", now, reached, phaseId);
        update("update launch set status = ?, updated_at = ? where id = ?", kind.code(), now, launchId);
    }

    // --- customers

    Map<Long, Fan> fans(Collection<Long> ids) throws SQLException {
        Map<Long, Fan> out = new HashMap<>();
        List<Long> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 500) {
            List<Long> part = list.subList(i, Math.min(list.size(), i + 500));
            try (PreparedStatement ps = prepare("select c.id, c.name, (select ct.tier from customer_tier ct where ct.customer_id = c.id) from customer c where " + LIVE + " and c.id in ("
                    + "?, ".repeat(part.size() - 1) + "?)", part.toArray()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Fan(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    // --- votes

    void retireVotes(long launchId, long customerId) throws SQLException {
        update("update launch_vote set is_current = false where launch_id = ? and customer_id = ? and is_current = true", launchId, customerId);
    }

    void insertVote(long launchId, long customerId, String choice, BigDecimal guess, String channel, OffsetDateTime at) throws SQLException {
        update("insert into launch_vote (launch_id, customer_id, choice, price_guess, channel, voted_at, is_current) "
                + "values (?, ?, ?, ?, ?, ?, true)", launchId, customerId, choice, guess, channel, at);
    }

    /** Every answer (current and replaced), oldest first. */
    List<Vote> votes(long launchId) throws SQLException {
        List<Vote> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("select v.id, v.customer_id, c.name, (select ct.tier from customer_tier ct where ct.customer_id = c.id), v.choice, v.price_guess, v.channel, v.voted_at, "
                + "v.is_current from launch_vote v join customer c on c.id = v.customer_id where v.launch_id = ? order by v.voted_at, v.id",
                launchId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Vote(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                        rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getBoolean(9)));
            }
        }
        return out;
    }

    // --- reservations

    /** Reservations not cancelled or expired, in request order. */
    List<Reservation> activeReservations(long launchId) throws SQLException {
        return reservations("where r.launch_id = ? and r.state in ('requested', 'allocated', 'waitlisted') order by r.requested_at, r.id", launchId);
    }

    List<Reservation> allReservations(long launchId) throws SQLException {
        return reservations("where r.launch_id = ? order by r.requested_at, r.id", launchId);
    }

    private List<Reservation> reservations(String tail, Object... args) throws SQLException {
        List<Reservation> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("select " + RES_COLUMNS + " " + tail, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Reservation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getInt(9), intOrNull(rs, 10),
                        rs.getObject(11, OffsetDateTime.class), rs.getString(12)));
            }
        }
        return out;
    }

    void insertReservation(long launchId, Long phaseId, long customerId, int quantity, OffsetDateTime at, String channel, String state,
                           Integer waitlistPosition, OffsetDateTime now) throws SQLException {
        update("insert into launch_reservation (launch_id, phase_id, customer_id, quantity, requested_at, channel, state, "
                + "waitlist_position, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", launchId, phaseId, customerId, quantity, at,
                channel, state, waitlistPosition, now);
    }

    void updateRequest(long id, int quantity, OffsetDateTime at, String channel) throws SQLException {
        update("update launch_reservation set quantity = ?, requested_at = ?, channel = ? where id = ?", quantity, at, channel, id);
    }

    void setAllocation(long id, String state, int allocated, Integer position, String reason, OffsetDateTime allocatedAt) throws SQLException {
        update("update launch_reservation set state = ?, allocated_quantity = ?, waitlist_position = ?, allocation_reason = ?, "
                + "allocated_at = ? where id = ?", state, allocated, position, reason, allocatedAt, id);
    }

    void setState(long id, String state) throws SQLException {
        update("update launch_reservation set state = ?, waitlist_position = null where id = ?", state, id);
    }

    void insertRun(long launchId, AllocationRules rules, OffsetDateTime now) throws SQLException {
        update("insert into launch_allocation (launch_id, policy, seed, tier_weighted, committed_at) values (?, ?, ?, ?, ?)",
                launchId, rules.policy().db(), rules.seed(), rules.tierWeighted(), now);
    }

    /** The committed run's policy (db code) and seed, or null. */
    Object[] run(long launchId) throws SQLException {
        try (PreparedStatement ps = prepare("select policy, seed from launch_allocation where launch_id = ?", launchId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Object[] {rs.getString(1), rs.getLong(2)} : null;
        }
    }

    /** Every request with its allocation and reason, in request order (the report's allocation sheet). */
    List<AllocationLine> allocationLines(long launchId) throws SQLException {
        List<AllocationLine> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("select " + RES_COLUMNS + " where r.launch_id = ? order by r.requested_at, r.id", launchId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AllocationLine(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7), rs.getString(8), rs.getInt(9), intOrNull(rs, 10), rs.getString(12)));
            }
        }
        return out;
    }

    /** Launches whose first batch was allocated (the only ones with allocations to expire). */
    List<Long> allocatedLaunches() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("select launch_id from launch_allocation order by launch_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    // --- trial

    Long trialCampaign(long launchId) throws SQLException {
        try (PreparedStatement ps = prepare("select trial_campaign_id from launch where id = ?", launchId); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long id = rs.getLong(1);
            return rs.wasNull() ? null : id;
        }
    }

    /** Links the trial campaign unless the launch has one already. @return whether it was linked */
    boolean linkTrial(long launchId, long campaignId, OffsetDateTime now) throws SQLException {
        return update("update launch set trial_campaign_id = ?, updated_at = ? where id = ? and trial_campaign_id is null",
                campaignId, now, launchId) == 1;
    }

    /** Feedback interactions of the trial campaign's fans since it opened (or was made), oldest first. */
    List<TrialFeedback> feedback(long campaignId) throws SQLException {
        List<TrialFeedback> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("select i.id, i.customer_id, c.name, i.occurred_at, i.channel, i.summary, i.body "
                + "from interaction i join customer c on c.id = i.customer_id where i.kind = 'feedback' "
                + "and i.customer_id in (select e.customer_id from campaign_entry e where e.campaign_id = ?) "
                + "and i.occurred_at >= (select coalesce(g.opens_at, g.created_at) from gift_campaign g where g.id = ?) "
                + "order by i.occurred_at, i.id", campaignId, campaignId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TrialFeedback(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        return out;
    }

    // --- orders

    /** Orders placed in [from, to] (either end open when null) with their lines. */
    List<WindowOrder> orders(OffsetDateTime from, OffsetDateTime to) throws SQLException {
        StringBuilder where = new StringBuilder("where o.ordered_at is not null");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            where.append(" and o.ordered_at >= ?");
            args.add(from);
        }
        if (to != null) {
            where.append(" and o.ordered_at <= ?");
            args.add(to);
        }
        Map<Long, Object[]> heads = new LinkedHashMap<>();
        Map<Long, List<WindowOrder.Line>> lines = new HashMap<>();
        try (PreparedStatement ps = prepare("select o.id, o.external_order_id, o.customer_id, coalesce(c.name, o.buyer_account), o.ordered_at, "
                + "o.paid_at, o.status, o.paid_amount, o.currency, l.sku, l.title, l.quantity, l.unit_price, l.line_total "
                + "from shop_order o left join customer c on c.id = o.customer_id left join order_line l on l.order_id = o.id "
                + where + " order by o.ordered_at, o.id, l.line_no", args.toArray()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (!heads.containsKey(id)) {
                    long cid = rs.getLong(3);
                    Long customer = rs.wasNull() ? null : cid; // before the next getter: wasNull() reads the last one
                    heads.put(id, new Object[] {rs.getString(2), customer, rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
                            rs.getBigDecimal(8), rs.getString(9)});
                    lines.put(id, new ArrayList<>());
                }
                if (rs.getString(10) != null || rs.getString(11) != null) {
                    lines.get(id).add(new WindowOrder.Line(rs.getString(10), rs.getString(11), rs.getInt(12), rs.getBigDecimal(13),
                            rs.getBigDecimal(14)));
                }
            }
        }
        List<WindowOrder> out = new ArrayList<>();
        heads.forEach((id, h) -> out.add(new WindowOrder(id, (String) h[0], (Long) h[1], (String) h[2], (OffsetDateTime) h[3],
                (OffsetDateTime) h[4], (String) h[5], (BigDecimal) h[6], (String) h[7], lines.get(id))));
        return out;
    }

    Map<Long, Long> assignments(long launchId) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement ps = prepare("select order_id, customer_id from launch_order_assignment where launch_id = ?", launchId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    void assign(long launchId, long orderId, long customerId, OffsetDateTime now) throws SQLException {
        update("delete from launch_order_assignment where launch_id = ? and order_id = ?", launchId, orderId);
        update("insert into launch_order_assignment (launch_id, order_id, customer_id, assigned_at) values (?, ?, ?, ?)",
                launchId, orderId, customerId, now);
    }

    boolean orderExists(long orderId) throws SQLException {
        try (PreparedStatement ps = prepare("select 1 from shop_order where id = ?", orderId); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Customers among {@code ids} with any order placed before {@code before}. */
    java.util.Set<Long> orderedBefore(Collection<Long> ids, OffsetDateTime before) throws SQLException {
        java.util.Set<Long> out = new java.util.HashSet<>();
        if (ids.isEmpty() || before == null) {
            return out;
        }
        List<Long> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 500) {
            List<Object> args = new ArrayList<>(list.subList(i, Math.min(list.size(), i + 500)));
            String in = "?, ".repeat(args.size() - 1) + "?";
            args.add(before);
            try (PreparedStatement ps = prepare("select distinct customer_id from shop_order where customer_id in (" + in
                    + ") and ordered_at < ?", args.toArray()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    // --- JDBC

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, args);
        return ps;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
