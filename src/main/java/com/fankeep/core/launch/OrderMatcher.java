package com.fankeep.core.launch;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches imported orders to allocated fans: same customer (or assigned by hand), a line matching the launch's SKU or
 * title pattern, ordered inside the phase window. Pure.
 */
public final class OrderMatcher {

    /** @param byFan each allocated fan's matching orders, earliest first; @param unmatched the window's other matching orders */
    public record Result(Map<Long, List<WindowOrder>> byFan, List<WindowOrder> unmatched) {
    }

    private OrderMatcher() {
    }

    /** @param assigned order id → customer id, set by hand; wins over the order's own buyer */
    public static Result match(List<WindowOrder> orders, Set<Long> allocatedFans, SkuPattern pattern, OffsetDateTime from,
                               OffsetDateTime to, Map<Long, Long> assigned) {
        Map<Long, List<WindowOrder>> byFan = new LinkedHashMap<>();
        List<WindowOrder> unmatched = new ArrayList<>();
        List<WindowOrder> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(WindowOrder::orderedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(WindowOrder::id));
        for (WindowOrder o : sorted) {
            if (!inWindow(o.orderedAt(), from, to) || !matchesProduct(o, pattern)) {
                continue;
            }
            Long fan = assigned.getOrDefault(o.id(), o.customerId());
            if (fan != null && allocatedFans.contains(fan)) {
                byFan.computeIfAbsent(fan, k -> new ArrayList<>()).add(o);
            } else {
                unmatched.add(o);
            }
        }
        return new Result(byFan, List.copyOf(unmatched));
    }

    static boolean inWindow(OffsetDateTime at, OffsetDateTime from, OffsetDateTime to) {
        return at != null && (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    public static boolean matchesProduct(WindowOrder o, SkuPattern pattern) {
        return o.lines().stream().anyMatch(l -> pattern.matches(l.sku(), l.title()));
    }
}
