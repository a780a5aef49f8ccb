package com.fankeep.core.tier;

import static com.fankeep.core.db.jooq.Tables.CUSTOMER;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;
import static com.fankeep.core.db.jooq.Tables.TIER_PIN;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * An independent computation of every customer's tier straight from the orders (not from the derived figures or the
 * tier SQL), written from ADR 0015's rules: what the tier machinery must agree with.
 */
final class TierOracle {

    private static final Set<String> PAID = Set.of("paid", "shipped", "completed", "partially_refunded");

    private TierOracle() {
    }

    /** Customer id → expected tier (null: no tier), for every customer. */
    static Map<Long, String> expected(DSLContext dsl, TierSettings s, LocalDate today, ZoneId zone) {
        Map<Long, int[]> orders = new HashMap<>();
        Map<Long, OffsetDateTime> last = new HashMap<>();
        Map<Long, BigDecimal> money = new HashMap<>();
        for (Record o : dsl.select(SHOP_ORDER.CUSTOMER_ID, SHOP_ORDER.STATUS, SHOP_ORDER.CURRENCY, SHOP_ORDER.PAID_AMOUNT,
                SHOP_ORDER.REFUNDED_AMOUNT, SHOP_ORDER.ORDERED_AT, SHOP_ORDER.PAID_AT).from(SHOP_ORDER).fetch()) {
            Long c = o.get(SHOP_ORDER.CUSTOMER_ID);
            if (c == null || !PAID.contains(o.get(SHOP_ORDER.STATUS))) {
                continue;
            }
            orders.computeIfAbsent(c, k -> new int[1])[0]++;
            OffsetDateTime at = o.get(SHOP_ORDER.ORDERED_AT) != null ? o.get(SHOP_ORDER.ORDERED_AT) : o.get(SHOP_ORDER.PAID_AT);
            if (at != null && (last.get(c) == null || at.isAfter(last.get(c)))) {
                last.put(c, at);
            }
            BigDecimal rate = s.rates().getOrDefault(o.get(SHOP_ORDER.CURRENCY), BigDecimal.ZERO);
            BigDecimal paid = o.get(SHOP_ORDER.PAID_AMOUNT) == null ? BigDecimal.ZERO : o.get(SHOP_ORDER.PAID_AMOUNT);
            money.merge(c, paid.subtract(o.get(SHOP_ORDER.REFUNDED_AMOUNT)).multiply(rate), BigDecimal::add);
        }
        Map<Long, String> pins = new HashMap<>();
        dsl.selectFrom(TIER_PIN).forEach(p -> pins.put(p.getCustomerId(), p.getTier()));
        Map<Long, Integer> referred = new HashMap<>();
        Map<Long, Boolean> live = new HashMap<>();
        for (Record c : dsl.select(CUSTOMER.ID, CUSTOMER.REFERRED_BY_ID, CUSTOMER.MERGED_INTO_ID, CUSTOMER.ERASED_AT).from(CUSTOMER).fetch()) {
            boolean isLive = c.get(CUSTOMER.MERGED_INTO_ID) == null && c.get(CUSTOMER.ERASED_AT) == null;
            live.put(c.get(CUSTOMER.ID), isLive);
            Long by = c.get(CUSTOMER.REFERRED_BY_ID);
            if (isLive && by != null && orders.containsKey(c.get(CUSTOMER.ID))) {
                referred.merge(by, 1, Integer::sum);
            }
        }
        Map<Long, String> out = new HashMap<>();
        for (Map.Entry<Long, Boolean> e : live.entrySet()) {
            long id = e.getKey();
            int own = orders.containsKey(id) ? orders.get(id)[0] : 0;
            int frequency = own + (s.countReferrals() ? referred.getOrDefault(id, 0) : 0);
            out.put(id, !e.getValue() ? null : pins.containsKey(id) ? pins.get(id)
                    : tier(s, today, zone, own, frequency, last.get(id), money.getOrDefault(id, BigDecimal.ZERO)));
        }
        return out;
    }

    /** ADR 0015, in words: no paid order → none; lapsed; iron fan; VIP; new; otherwise regular. */
    static String tier(TierSettings s, LocalDate today, ZoneId zone, int own, int frequency, OffsetDateTime last, BigDecimal money) {
        if (own == 0) {
            return null;
        }
        if (last != null && last.toInstant().isBefore(start(today.minusDays(s.lapsedAfterDays()), zone))) {
            return "lapsed";
        }
        if (frequency >= s.ironMinOrders() && money.compareTo(s.ironMinSpend()) >= 0 && within(last, today, zone, s.ironWithinDays())) {
            return "iron_fan";
        }
        if (frequency >= s.vipMinOrders() && money.compareTo(s.vipMinSpend()) >= 0 && within(last, today, zone, s.vipWithinDays())) {
            return "vip";
        }
        if (own <= s.newMaxOrders() && within(last, today, zone, s.newWithinDays())) {
            return "new";
        }
        return "regular";
    }

    private static boolean within(OffsetDateTime last, LocalDate today, ZoneId zone, int days) {
        return last != null && !last.toInstant().isBefore(start(today.minusDays(days), zone));
    }

    private static java.time.Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
