package com.fankeep.core.group;

import static com.fankeep.core.group.Sql.LIVE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The SQL of the city view: one row per live customer with a city. */
final class CityRepository {

    /** A customer's place: the customer's city; the district of their latest order delivered to that city. */
    record Place(long customerId, String province, String city, String district, String tier, boolean doNotContact) {
    }

    interface Sink {
        void accept(Place p);
    }

    private final Connection c;

    CityRepository(Connection c) {
        this.c = c;
    }

    void places(String city, Sink sink) throws SQLException {
        String sql = "select c.id, c.province, c.city, (select o.receiver_district from shop_order o where o.customer_id = c.id "
                + "and o.receiver_city = c.city and o.receiver_district is not null and o.receiver_district <> '' "
                + "order by o.ordered_at desc nulls last, o.id desc limit 1), (select ct.tier from customer_tier ct where ct.customer_id = c.id), c.do_not_contact "
                + "from customer c where " + LIVE + " and c.city is not null and c.city <> ''" + (city == null ? "" : " and c.city = ?");
        try (PreparedStatement ps = city == null ? Sql.prepare(c, sql) : Sql.prepare(c, sql, city); ResultSet rs = ps.executeQuery()) {
            ps.setFetchSize(1000);
            while (rs.next()) {
                sink.accept(new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
            }
        }
    }

    static List<String> fanTiers() {
        return List.of("iron_fan", "vip");
    }
}
