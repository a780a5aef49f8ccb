package com.fankeep.core.customer;

import static com.fankeep.core.db.jooq.Tables.ORDER_LINE;
import static com.fankeep.core.db.jooq.Tables.SHOP_ORDER;

import com.fankeep.core.shared.MoneyText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** A customer's orders on the timeline: number, platform, status, amount, lines and tracking number. */
final class OrderTimelineSource implements TimelineSource {

    @Override
    public List<TimelineEntry> entries(DSLContext dsl, long customerId) {
        var orders = dsl.select(SHOP_ORDER.ID, SHOP_ORDER.PLATFORM, SHOP_ORDER.EXTERNAL_ORDER_ID, SHOP_ORDER.STATUS,
                        SHOP_ORDER.CURRENCY, SHOP_ORDER.PAID_AMOUNT, SHOP_ORDER.TOTAL_AMOUNT, SHOP_ORDER.ORDERED_AT,
                        SHOP_ORDER.CREATED_AT, SHOP_ORDER.TRACKING_NO, SHOP_ORDER.CARRIER)
                .from(SHOP_ORDER).where(SHOP_ORDER.CUSTOMER_ID.eq(customerId)).fetch();
        Map<Long, List<String>> lines = new HashMap<>();
        Map<Long, String> currencies = new HashMap<>();
        orders.forEach(o -> currencies.put(o.value1(), o.value5()));
        if (!orders.isEmpty()) {
            for (var l : dsl.select(ORDER_LINE.ORDER_ID, ORDER_LINE.TITLE, ORDER_LINE.VARIANT, ORDER_LINE.QUANTITY, ORDER_LINE.LINE_TOTAL)
                    .from(ORDER_LINE).where(ORDER_LINE.ORDER_ID.in(orders.getValues(SHOP_ORDER.ID)))
                    .orderBy(ORDER_LINE.ORDER_ID, ORDER_LINE.LINE_NO).fetch()) {
                String currency = currencies.getOrDefault(l.value1(), "CNY");
                String text = (l.value2() == null ? "?" : l.value2()) + (l.value3() == null || l.value3().isBlank() ? "" : " (" + l.value3() + ")")
                        + " × " + l.value4() + (l.value5() == null ? "" : "  " + MoneyText.format(currency, l.value5()));
                lines.computeIfAbsent(l.value1(), k -> new ArrayList<>()).add(text);
            }
        }
        List<TimelineEntry> out = new ArrayList<>();
        for (var o : orders) {
            List<String> details = new ArrayList<>(lines.getOrDefault(o.value1(), List.of()));
            if (o.value10() != null && !o.value10().isBlank()) {
                details.add("tracking: " + (o.value11() == null ? "" : o.value11() + " ") + o.value10());
            }
            var amount = o.value6() != null ? o.value6() : o.value7();
            out.add(new TimelineEntry(o.value8() != null ? o.value8() : o.value9(), "order", o.value1(),
                    o.value2() + " " + o.value3(), o.value4(), amount == null ? null : MoneyText.format(o.value5(), amount),
                    details));
        }
        return out;
    }
}
