package com.fankeep.core.campaign;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The SQL of campaigns and their entries (portable: H2 and PostgreSQL). */
final class CampaignRepository {

    static final String HOLDING = "('claimed', 'address_confirmed', 'shipped', 'delivered', 'thanked')";
    private static final String CAMPAIGN_COLUMNS = "g.id, g.name, g.kind, g.gift_name, g.unit_cost, g.shipping_cost, g.currency, "
            + "g.quantity_limit, g.per_customer, g.opens_at, g.claim_deadline, g.audience_segment, g.audience_group_id, "
            + "g.announcement, g.priority, g.status, g.stock_left, g.dnc_left_out, "
            + "(select coalesce(sum(e.units), 0) from campaign_entry e where e.campaign_id = g.id and e.state in " + HOLDING + "), "
            + "(select count(*) from campaign_entry e where e.campaign_id = g.id and e.state in " + HOLDING + ")";
    private static final String ENTRY_COLUMNS = "e.id, e.campaign_id, e.customer_id, c.name, (select ct.tier from customer_tier ct where ct.customer_id = c.id), e.state, e.units, "
            + "e.claim_channel, e.claimed_at, e.claim_seq, e.outside_audience, e.invited, e.receiver_name, e.receiver_phone, "
            + "e.receiver_province, e.receiver_city, e.receiver_district, e.receiver_address, e.carrier, e.tracking_no, "
            + "e.shipped_at, e.delivered_at, e.message";

    private final Connection c;

    CampaignRepository(Connection c) {
        this.c = c;
    }

    long insert(NewCampaign n, int dncLeftOut, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into gift_campaign (name, kind, gift_name, unit_cost, "
                + "shipping_cost, currency, quantity_limit, per_customer, opens_at, claim_deadline, audience_segment, "
                + "audience_group_id, announcement, priority, status, stock_left, dnc_left_out, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)", new String[] {"id"})) {
            Object[] args = {n.name(), n.kind().code(), n.gift(), n.unitCost(), n.shippingCost(), n.currency(), n.quantity(),
                    n.perCustomer(), n.opens(), n.closes(), n.audienceSegment(), n.audienceGroupId(), n.announcement(),
                    n.priority().code(), n.quantity(), dncLeftOut, now, now};
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    Campaign campaign(long id) throws SQLException {
        List<Campaign> l = campaigns("select " + CAMPAIGN_COLUMNS + " from gift_campaign g where g.id = ?", id);
        return l.isEmpty() ? null : l.getFirst();
    }

    Campaign byName(String name) throws SQLException {
        List<Campaign> l = campaigns("select " + CAMPAIGN_COLUMNS + " from gift_campaign g where g.name = ? order by g.id", name);
        return l.isEmpty() ? null : l.getFirst();
    }

    List<Campaign> list() throws SQLException {
        return campaigns("select " + CAMPAIGN_COLUMNS + " from gift_campaign g order by g.id desc");
    }

    private List<Campaign> campaigns(String sql, Object... args) throws SQLException {
        List<Campaign> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long group = rs.getLong(13);
                Long groupId = rs.wasNull() ? null : group;
                out.add(new Campaign(rs.getLong(1), rs.getString(2), CampaignKind.of(rs.getString(3)), rs.getString(4),
                        money(rs.getBigDecimal(5)), money(rs.getBigDecimal(6)), rs.getString(7), rs.getInt(8), rs.getInt(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), rs.getString(12),
                        groupId, rs.getString(14), ClaimPriority.of(rs.getString(15)), CampaignStatus.of(rs.getString(16)),
                        rs.getInt(17), rs.getInt(18), rs.getInt(19), rs.getInt(20)));
            }
        }
        return out;
    }

    private static BigDecimal money(BigDecimal d) {
        return d == null ? BigDecimal.ZERO.setScale(2) : d.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * Takes the campaign row's lock for the rest of the transaction (every claim and cancel does this first, so they
     * run one after another per campaign) and returns the claim's sequence number; -1 when there is no such campaign.
     */
    long lockAndNextSeq(long id) throws SQLException {
        if (update("update gift_campaign set claim_seq = claim_seq + 1 where id = ?", id) == 0) {
            return -1;
        }
        return single("select claim_seq from gift_campaign where id = ?", id);
    }

    /** Takes units off the stock if that many are left (a conditional update: the stock never goes below zero). */
    boolean takeStock(long id, int units) throws SQLException {
        return update("update gift_campaign set stock_left = stock_left - ? where id = ? and stock_left >= ?", units, id, units) == 1;
    }

    void returnStock(long id, int units) throws SQLException {
        update("update gift_campaign set stock_left = stock_left + ? where id = ?", units, id);
    }

    int stockLeft(long id) throws SQLException {
        return (int) single("select stock_left from gift_campaign where id = ?", id);
    }

    void setStatus(long id, CampaignStatus status, OffsetDateTime now) throws SQLException {
        update("update gift_campaign set status = ?, updated_at = ? where id = ?", status.code(), now, id);
    }

    // --- entries

    CampaignEntry entry(long campaignId, long customerId) throws SQLException {
        List<CampaignEntry> l = entries("where e.campaign_id = ? and e.customer_id = ?", campaignId, customerId);
        return l.isEmpty() ? null : l.getFirst();
    }

    List<CampaignEntry> entries(long campaignId) throws SQLException {
        return entries("where e.campaign_id = ? order by e.claim_seq, e.id", campaignId);
    }

    List<CampaignEntry> inState(long campaignId, Collection<EntryState> states) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        states.forEach(s -> args.add(s.code()));
        return entries("where e.campaign_id = ? and e.state in (" + "?, ".repeat(states.size() - 1) + "?) order by e.claim_seq, e.id",
                args.toArray());
    }

    private List<CampaignEntry> entries(String where, Object... args) throws SQLException {
        List<CampaignEntry> out = new ArrayList<>();
        try (PreparedStatement ps = prepare("select " + ENTRY_COLUMNS + " from campaign_entry e join customer c on c.id = e.customer_id "
                + where, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(10);
                Long claimSeq = rs.wasNull() ? null : seq;
                out.add(new CampaignEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        EntryState.of(rs.getString(6)), rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                        claimSeq, rs.getBoolean(11), rs.getBoolean(12),
                        new Address(rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                                rs.getString(18)),
                        rs.getString(19), rs.getString(20), rs.getObject(21, OffsetDateTime.class),
                        rs.getObject(22, OffsetDateTime.class), rs.getString(23)));
            }
        }
        return out;
    }

    void insertInvited(long campaignId, List<Long> customerIds, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into campaign_entry (campaign_id, customer_id, state, invited, "
                + "invited_at) values (?, ?, 'invited', true, ?)")) {
            int n = 0;
            for (long id : customerIds) {
                ps.setLong(1, campaignId);
                ps.setLong(2, id);
                ps.setObject(3, now);
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** A claim from outside the audience: a new entry, recorded as such. */
    long insertOutside(long campaignId, long customerId, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into campaign_entry (campaign_id, customer_id, state, invited, "
                + "outside_audience, invited_at) values (?, ?, 'invited', false, true, ?)", new String[] {"id"})) {
            ps.setLong(1, campaignId);
            ps.setLong(2, customerId);
            ps.setObject(3, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void recordClaim(long entryId, EntryState state, int units, String channel, OffsetDateTime at, long seq, String tier,
                     Address a) throws SQLException {
        update("update campaign_entry set state = ?, units = ?, claim_channel = ?, claimed_at = ?, claim_seq = ?, "
                        + "tier_at_claim = ?, receiver_name = ?, receiver_phone = ?, receiver_province = ?, receiver_city = ?, "
                        + "receiver_district = ?, receiver_address = ?, cancelled_at = null where id = ?",
                state.code(), units, channel, at, seq, tier, a.receiver(), a.phone(), a.province(),
                a.city(), a.district(), a.detail(), entryId);
    }

    void promote(long entryId) throws SQLException {
        update("update campaign_entry set state = 'claimed' where id = ?", entryId);
    }

    /** A promoted entry back on the waitlist, if it is still just claimed. @return whether it was */
    boolean demote(long entryId) throws SQLException {
        return update("update campaign_entry set state = 'waitlisted' where id = ? and state = 'claimed'", entryId) == 1;
    }

    void setState(long entryId, EntryState state, OffsetDateTime now) throws SQLException {
        String stamp = switch (state) {
            case DELIVERED -> ", delivered_at = ?";
            case THANKED -> ", thanked_at = ?";
            case CANCELLED -> ", cancelled_at = ?";
            case DECLINED, EXPIRED -> ", closed_at = ?";
            default -> null;
        };
        if (stamp == null) {
            update("update campaign_entry set state = ? where id = ?", state.code(), entryId);
        } else {
            update("update campaign_entry set state = ?" + stamp + " where id = ?", state.code(), now, entryId);
        }
    }

    void ship(long entryId, String carrier, String trackingNo, OffsetDateTime now) throws SQLException {
        update("update campaign_entry set state = 'shipped', carrier = ?, tracking_no = ?, shipped_at = ? where id = ?",
                carrier, trackingNo, now, entryId);
    }

    void setAddress(long entryId, Address a) throws SQLException {
        update("update campaign_entry set receiver_name = ?, receiver_phone = ?, receiver_province = ?, receiver_city = ?, "
                + "receiver_district = ?, receiver_address = ? where id = ?", a.receiver(), a.phone(), a.province(), a.city(),
                a.district(), a.detail(), entryId);
    }

    void setMessage(long entryId, String message) throws SQLException {
        update("update campaign_entry set message = ? where id = ?", message, entryId);
    }

    int expireInvited(long campaignId, OffsetDateTime now) throws SQLException {
        return update("update campaign_entry set state = 'expired', closed_at = ? where campaign_id = ? and state = 'invited'",
                now, campaignId);
    }

    // --- customers (read only)

    boolean liveCustomer(long customerId) throws SQLException {
        return single("select count(*) from customer c where c.id = ? and c.merged_into_id is null and c.erased_at is null",
                customerId) > 0;
    }

    String tier(long customerId) throws SQLException {
        try (PreparedStatement ps = prepare("select tier from customer_tier where customer_id = ?", customerId); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The receiver of the customer's latest order that has an address (or an empty address). */
    Address latestOrderAddress(long customerId) throws SQLException {
        try (PreparedStatement ps = prepare("select receiver_name, receiver_phone, receiver_province, receiver_city, "
                + "receiver_district, receiver_address from shop_order where customer_id = ? and receiver_address is not null "
                + "order by ordered_at desc nulls last, id desc", customerId); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return new Address(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6));
            }
            return Address.EMPTY;
        }
    }

    String groupName(long groupId) throws SQLException {
        try (PreparedStatement ps = prepare("select name from fan_group where id = ?", groupId); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Hand-picked customers that are live, do-not-contact left out (and counted) unless included. */
    com.fankeep.core.segment.Audience picked(List<Long> ids, boolean includeDoNotContact) throws SQLException {
        List<Long> keep = new ArrayList<>();
        int dnc = 0;
        for (long id : new java.util.TreeSet<>(ids)) {
            try (PreparedStatement ps = prepare("select do_not_contact from customer c where c.id = ? and c.merged_into_id is null "
                    + "and c.erased_at is null", id); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    continue;
                }
                if (rs.getBoolean(1) && !includeDoNotContact) {
                    dnc++;
                } else {
                    keep.add(id);
                }
            }
        }
        return new com.fankeep.core.segment.Audience(keep, dnc);
    }

    /** Who the found customers are for a quick claim: name, tier, and their entry's state (null: outside the audience). */
    List<ClaimCandidate> candidates(long campaignId, List<Long> ids) throws SQLException {
        List<ClaimCandidate> out = new ArrayList<>();
        for (long id : ids) {
            try (PreparedStatement ps = prepare("select c.id, c.name, (select ct.tier from customer_tier ct where ct.customer_id = c.id), e.state from customer c left join campaign_entry e "
                    + "on e.customer_id = c.id and e.campaign_id = ? where c.id = ? and c.merged_into_id is null and c.erased_at is null",
                    campaignId, id); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.add(new ClaimCandidate(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? null : EntryState.of(rs.getString(4))));
                }
            }
        }
        return out;
    }

    // --- helpers

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    private long single(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
