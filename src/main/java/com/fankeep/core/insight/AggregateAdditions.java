package com.fankeep.core.insight;

import com.fankeep.core.insight.AggregateRepository.DayRow;
import com.fankeep.core.insight.AggregateRepository.FirstRow;
import com.fankeep.core.insight.AggregateRepository.OrderFact;
import com.fankeep.core.insight.AggregateRepository.Rows;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of customers who kept every order they had, after new orders (ADR 0049): their stored rows changed by what
 * the new orders add, not recounted from their whole history. A buyer_day row is a sum, so it takes the new orders'
 * sums. A buyer_first row (a platform's first two bought orders, by time then id) is the earlier two of the stored first
 * two and the new first two; the day of the second follows from the days alone (days keep the order of times), and the
 * stored first order's time is needed only when a new first falls on its day (one look-up by primary key).
 */
final class AggregateAdditions {

    private AggregateAdditions() {
    }

    /**
     * The rows {@code stored} (of the customers the orders are of) become with {@code added}; null when a stored first
     * order's time cannot be found (the stored rows are not what the orders give: recount instead).
     */
    static Rows merged(Rows stored, List<OrderFact> added, ZoneId zone, Function<Collection<Long>, Map<Long, OffsetDateTime>> timesOf) {
        Rows contribution = AggregateRepository.rows(added, zone);
        record DayKey(long customer, LocalDate day, String platform, String currency) {
        }
        Map<DayKey, DayRow> days = new LinkedHashMap<>();
        stored.days().forEach(d -> days.put(new DayKey(d.customer(), d.day(), d.platform(), d.currency()), d));
        contribution.days().forEach(a -> days.merge(new DayKey(a.customer(), a.day(), a.platform(), a.currency()), a,
                (s, x) -> new DayRow(s.customer(), s.day(), s.platform(), s.currency(), s.orders() + x.orders(), s.bought() + x.bought(),
                        s.revenueOrders() + x.revenueOrders(), s.net().add(x.net()))));

        Map<String, FirstRow> firsts = new LinkedHashMap<>();
        stored.firsts().forEach(f -> firsts.put(f.customer() + "|" + f.platform(), f));
        Map<Long, OffsetDateTime> addedAt = new HashMap<>();
        added.forEach(o -> addedAt.put(o.id(), o.at()));
        List<Long> lookUp = new ArrayList<>();
        for (FirstRow a : contribution.firsts()) {
            FirstRow s = firsts.get(a.customer() + "|" + a.platform());
            if (s != null && s.first().equals(a.first())) {
                lookUp.add(s.firstOrderId());
            }
        }
        Map<Long, OffsetDateTime> storedAt = lookUp.isEmpty() ? Map.of() : timesOf.apply(lookUp);
        for (FirstRow a : contribution.firsts()) {
            String key = a.customer() + "|" + a.platform();
            FirstRow s = firsts.get(key);
            if (s == null) {
                firsts.put(key, a);
                continue;
            }
            boolean addedFirst;
            if (!a.first().equals(s.first())) {
                addedFirst = a.first().isBefore(s.first());
            } else if (storedAt.get(s.firstOrderId()) == null) {
                return null;
            } else {
                int byTime = addedAt.get(a.firstOrderId()).toInstant().compareTo(storedAt.get(s.firstOrderId()).toInstant());
                addedFirst = byTime < 0 || byTime == 0 && a.firstOrderId() < s.firstOrderId();
            }
            FirstRow earlier = addedFirst ? a : s;
            FirstRow later = addedFirst ? s : a;
            firsts.put(key, new FirstRow(s.customer(), s.platform(), earlier.first(), earliest(later.first(), s.second(), a.second()),
                    earlier.firstOrderId()));
        }
        return new Rows(new ArrayList<>(days.values()), new ArrayList<>(firsts.values()));
    }

    private static LocalDate earliest(LocalDate... days) {
        LocalDate out = null;
        for (LocalDate d : days) {
            if (d != null && (out == null || d.isBefore(out))) {
                out = d;
            }
        }
        return out;
    }
}
