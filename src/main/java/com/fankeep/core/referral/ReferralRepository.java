package com.fankeep.core.referral;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The SQL of referrals (customer.referred_by_id); only live customers count. */
final class ReferralRepository {

    private static final String LIVE_C = "c.merged_into_id is null and c.erased_at is null";
    private static final String LIVE_R = "r.merged_into_id is null and r.erased_at is null";

    record Person(long id, String name, Long referredBy) {
    }

    private final Connection c;

    ReferralRepository(Connection c) {
        this.c = c;
    }

    Person person(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select c.id, c.name, c.referred_by_id from customer c where c.id = ? and " + LIVE_C)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long by = rs.getLong(3);
                return new Person(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : by);
            }
        }
    }

    /** Live customers {@code id} referred directly, by id. */
    List<Person> referredBy(long id) throws SQLException {
        List<Person> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select c.id, c.name from customer c where c.referred_by_id = ? and " + LIVE_C
                + " order by c.id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Person(rs.getLong(1), rs.getString(2), id));
                }
            }
        }
        return out;
    }

    /** Every live referrer with the number of live customers they referred. */
    Map<Long, Object[]> referrers() throws SQLException {
        Map<Long, Object[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select r.id, r.name, count(*) from customer c join customer r on r.id = c.referred_by_id "
                + "where " + LIVE_C + " and " + LIVE_R + " group by r.id, r.name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getInt(3)});
            }
        }
        return out;
    }

    /** Per referrer: the net spend of the customers they referred, per currency. */
    Map<Long, Map<String, BigDecimal>> referredSpend() throws SQLException {
        Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select c.referred_by_id, s.currency, sum(s.net_spend) from customer c "
                + "join customer_spend s on s.customer_id = c.id where c.referred_by_id is not null and " + LIVE_C
                + " group by c.referred_by_id, s.currency");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
            }
        }
        return out;
    }

    /**
     * Live customers a referrer's text names: by name, by a nickname/WeChat/QQ/other account, or by phone number
     * ({@code phone} the normalized form, or null).
     */
    Set<Long> named(String text, String phone) throws SQLException {
        Set<Long> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select c.id from customer c where " + LIVE_C + " and (c.name = ? or exists ("
                + "select 1 from contact_channel ch where ch.customer_id = c.id and ((ch.kind in ('nickname', 'wechat', 'qq', 'other', 'weibo', 'douyin') "
                + "and (ch.raw_value = ? or ch.normalized_value = ?)) or (ch.kind = 'phone' and ch.normalized_value = ?)))) order by c.id")) {
            ps.setString(1, text);
            ps.setString(2, text);
            ps.setString(3, text);
            ps.setString(4, phone == null ? "\u0000" : phone);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
