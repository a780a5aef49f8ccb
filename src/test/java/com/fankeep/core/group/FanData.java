package com.fankeep.core.group;

import com.fankeep.core.db.Database;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes customers straight into a test database (the fan features only read these columns). */
public final class FanData {

    private final Database db;

    public FanData(Database db) {
        this.db = db;
    }

    /** A live customer; {@code spend} pairs of currency and amount, e.g. "CNY", "120.00". */
    public long customer(String name, String city, String tier, boolean doNotContact, int orders, String... spend) {
        return db.transactionResult(dsl -> dsl.connectionResult(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("insert into customer (name, city, province, do_not_contact, order_count, "
                    + "last_order_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, name);
                ps.setString(2, city);
                ps.setString(3, city == null ? null : "省");
                ps.setBoolean(4, doNotContact);
                ps.setInt(5, orders);
                ps.setObject(6, orders > 0 ? OffsetDateTime.parse("2026-11-01T10:00:00+08:00") : null);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            if (tier != null) { // V0090: tiers in their own table
                try (PreparedStatement ps = c.prepareStatement("insert into customer_tier (customer_id, tier) values (?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, tier);
                    ps.executeUpdate();
                }
            }
            for (int i = 0; i + 1 < spend.length; i += 2) {
                try (PreparedStatement ps = c.prepareStatement("insert into customer_spend (customer_id, currency, net_spend, order_count) "
                        + "values (?, ?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, spend[i]);
                    ps.setBigDecimal(3, new BigDecimal(spend[i + 1]));
                    ps.setInt(4, orders);
                    ps.executeUpdate();
                }
            }
            return id;
        }));
    }

    public long customer(String name, String tier) {
        return customer(name, "上海", tier, false, 1, "CNY", "10.00");
    }

    /** An order delivered to a district (what the city view reads districts from). */
    public void order(long customerId, String city, String district, String at) {
        exec("insert into shop_order (platform, external_order_id, customer_id, status, currency, ordered_at, receiver_city, "
                + "receiver_district) values ('taobao', ?, ?, 'completed', 'CNY', ?, ?, ?)",
                "T" + System.nanoTime(), customerId, OffsetDateTime.parse(at), city, district);
    }

    public void exec(String sql, Object... args) {
        db.transaction(dsl -> dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
        }));
    }

    public long count(String sql, Object... args) {
        return db.transactionResult(dsl -> dsl.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
    }

    /** Segments for tests: a segment names a tier ("iron_fan", "vip"…), evaluated against the customer's tier column. */
    public GroupSegments tierSegments() {
        FanData data = this;
        return new GroupSegments() {
            @Override
            public void check(String segment) {
                if (!List.of("iron_fan", "vip", "regular", "new", "lapsed").contains(segment)) {
                    throw new IllegalArgumentException("unknown segment " + segment);
                }
            }

            @Override
            public Set<Long> matching(String segment, Collection<Long> ids) {
                return ids.stream().filter(id -> data.count("select count(*) from customer_tier where customer_id = ? and tier = ?", id, segment) > 0)
                        .collect(Collectors.toSet());
            }

            @Override
            public List<Long> members(String segment) {
                return data.ids("select customer_id from customer_tier where tier = ? order by customer_id", segment);
            }
        };
    }

    public List<Long> ids(String sql, Object... args) {
        return db.transactionResult(dsl -> dsl.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                java.util.List<Long> out = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        }));
    }
}
