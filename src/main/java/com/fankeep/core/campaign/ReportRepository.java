package com.fankeep.core.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SQL of a campaign's results. Orders count when paid (not unpaid, cancelled or closed); net = paid − refunded. */
final class ReportRepository {

    private static final String COUNTED = "o.status not in ('unpaid', 'cancelled', 'closed')";
    private static final String LIVE = "c.merged_into_id is null and c.erased_at is null";

    private final Connection c;

    ReportRepository(Connection c) {
        this.c = c;
    }

    CampaignReport report(Campaign campaign, int days) throws SQLException {
        long id = campaign.id();
        Map<String, Integer> states = new TreeMap<>();
        int invited = 0;
        int outside = 0;
        try (PreparedStatement ps = prepare("select state, count(*), sum(case when invited then 1 else 0 end), "
                + "sum(case when outside_audience then 1 else 0 end) from campaign_entry where campaign_id = ? group by state", id);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getInt(2));
                invited += rs.getInt(3);
                outside += rs.getInt(4);
            }
        }
        int shipped = n(states, "shipped") + n(states, "delivered") + n(states, "thanked");
        int delivered = n(states, "delivered") + n(states, "thanked");
        int claimed = shipped + n(states, "claimed") + n(states, "address_confirmed");

        List<CampaignReport.TierRate> rates = new ArrayList<>();
        try (PreparedStatement ps = prepare("select coalesce(ct.tier, '-'), count(*), sum(case when e.claimed_at is not null "
                + "then 1 else 0 end) from campaign_entry e join customer c on c.id = e.customer_id left join customer_tier ct on ct.customer_id = c.id where e.campaign_id = ? "
                + "and e.invited = true group by coalesce(ct.tier, '-') order by 1", id); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int inv = rs.getInt(2);
                int cl = rs.getInt(3);
                rates.add(new CampaignReport.TierRate(rs.getString(1), inv, cl, ratio(cl, inv)));
            }
        }

        OffsetDateTime from = campaign.closes();
        OffsetDateTime to = from.plusDays(days);
        String participant = "exists (select 1 from campaign_entry e where e.customer_id = c.id and e.campaign_id = ? and e.state in "
                + CampaignRepository.HOLDING + ")";
        String notIn = "not exists (select 1 from campaign_entry e where e.customer_id = c.id and e.campaign_id = ?)";
        Map<String, long[]> mine = perTier(participant, id, campaign.currency(), from, to);
        Map<String, long[]> others = perTier(notIn, id, campaign.currency(), from, to);
        Map<String, BigDecimal> mineNet = net(participant, id, campaign.currency(), from, to);
        Map<String, BigDecimal> othersNet = net(notIn, id, campaign.currency(), from, to);

        int participants = 0;
        int ordersAfter = 0;
        BigDecimal netAfter = BigDecimal.ZERO.setScale(2);
        int comparison = 0;
        BigDecimal expectedOrders = BigDecimal.ZERO;
        BigDecimal expectedNet = BigDecimal.ZERO;
        for (Map.Entry<String, long[]> t : mine.entrySet()) {
            long p = t.getValue()[0];
            participants += (int) p;
            ordersAfter += (int) t.getValue()[1];
            netAfter = netAfter.add(mineNet.getOrDefault(t.getKey(), BigDecimal.ZERO));
            long[] o = others.get(t.getKey());
            if (o != null && o[0] > 0) {
                comparison += (int) o[0];
                expectedOrders = expectedOrders.add(BigDecimal.valueOf(p * o[1]).divide(BigDecimal.valueOf(o[0]), 10, RoundingMode.HALF_UP));
                expectedNet = expectedNet.add(othersNet.getOrDefault(t.getKey(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(p))
                        .divide(BigDecimal.valueOf(o[0]), 10, RoundingMode.HALF_UP));
            }
        }
        return new CampaignReport(id, campaign.name(), campaign.status().code(), invited, claimed, campaign.claimedUnits(),
                n(states, "waitlisted"), shipped, delivered, n(states, "thanked"), outside, campaign.costSoFar(),
                campaign.budget(), campaign.currency(), rates, days, from, to, participants, ordersAfter, netAfter,
                per(BigDecimal.valueOf(ordersAfter), participants), per(netAfter, participants), comparison,
                per(expectedOrders, participants), per(expectedNet, participants));
    }

    /** Per tier: customers passing {@code who}, and their counted orders in the period. */
    private Map<String, long[]> perTier(String who, long id, String currency, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        Map<String, long[]> out = new TreeMap<>();
        try (PreparedStatement ps = prepare("select coalesce(ct.tier, '-'), count(*) from customer c left join customer_tier ct on ct.customer_id = c.id where " + LIVE + " and " + who
                + " group by coalesce(ct.tier, '-')", id); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new long[] {rs.getLong(2), 0});
            }
        }
        try (PreparedStatement ps = prepare("select coalesce(ct.tier, '-'), count(*) from customer c left join customer_tier ct on ct.customer_id = c.id join shop_order o on o.customer_id = c.id "
                + "where " + LIVE + " and " + who + " and " + COUNTED + " and o.ordered_at >= ? and o.ordered_at < ? "
                + "group by coalesce(ct.tier, '-')", id, from, to); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[] v = out.get(rs.getString(1));
                if (v != null) {
                    v[1] = rs.getLong(2);
                }
            }
        }
        return out;
    }

    private Map<String, BigDecimal> net(String who, long id, String currency, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        Map<String, BigDecimal> out = new TreeMap<>();
        try (PreparedStatement ps = prepare("select coalesce(ct.tier, '-'), sum(coalesce(o.paid_amount, 0) - o.refunded_amount) "
                + "from customer c left join customer_tier ct on ct.customer_id = c.id join shop_order o on o.customer_id = c.id where " + LIVE + " and " + who + " and " + COUNTED
                + " and o.currency = ? and o.ordered_at >= ? and o.ordered_at < ? group by coalesce(ct.tier, '-')",
                id, currency, from, to); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getBigDecimal(2));
            }
        }
        return out;
    }

    private static BigDecimal per(BigDecimal total, int n) {
        return n == 0 ? BigDecimal.ZERO.setScale(2) : total.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(3) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static int n(Map<String, Integer> m, String k) {
        return m.getOrDefault(k, 0);
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
