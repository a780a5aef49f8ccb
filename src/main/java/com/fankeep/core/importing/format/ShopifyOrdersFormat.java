package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import com.fankeep.core.importing.read.SheetRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shopify orders_export*.csv (§7): one row per line item; the first row of an order carries the order columns, the
 * following rows only Name and the line-item columns. Rows of one order are together.
 */
public final class ShopifyOrdersFormat implements ExportFormat {

    static final String NAME = "Name";

    @Override
    public String id() {
        return "shopify_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has(NAME, "Financial Status", "Lineitem name")) {
            return 0;
        }
        return 10 + h.count("Email", "Paid at", "Fulfillment Status", "Currency", "Subtotal", "Total", "Created at",
                "Lineitem quantity", "Lineitem price", "Lineitem sku", "Billing Name", "Shipping Name", "Billing Phone",
                "Shipping Country", "Refunded Amount", "Cancelled at", "Outstanding Balance", "Id");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        String shopCurrency = context.currency().of("shopify");
        return new FormatReader() {
            private ImportedOrder head;
            private String name;
            private final List<ImportedLine> lines = new ArrayList<>();
            private final Set<String> done = new HashSet<>();

            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                String no = r.text(NAME);
                if (no == null) {
                    r.problem(NAME, "missing_order_no", "no order number (Name)", false);
                    return;
                }
                if (!no.equals(name)) {
                    flush(sink);
                    if (!done.add(no)) {
                        r.problem(NAME, "order_rows_apart", "a row of order " + no + " far from its other rows", false);
                        return;
                    }
                    if (r.text("Financial Status") == null && r.text("Created at") == null && r.text("Total") == null) {
                        r.problem(NAME, "order_head_missing", "order " + no + " starts without its order columns", false);
                        return;
                    }
                    name = no;
                    head = order(r, no, shopCurrency);
                }
                ImportedLine line = line(r, lines.size() + 1);
                if (line != null) {
                    lines.add(line);
                }
            }

            @Override
            public void finish(ItemSink sink) {
                flush(sink);
            }

            private void flush(ItemSink sink) {
                if (head != null) {
                    sink.item(withLines(head, lines));
                }
                head = null;
                name = null;
                lines.clear();
            }
        };
    }

    private static ImportedOrder order(RowReader r, String no, String shopCurrency) {
        String financial = r.text("Financial Status");
        var cancelledAt = r.time("Cancelled at");
        OrderStatus status = r.known(ShopifyStatus.of(financial, r.text("Fulfillment Status"), cancelledAt != null), "Financial Status", financial);
        BigDecimal total = r.money("Total");
        BigDecimal outstanding = r.money("Outstanding Balance");
        BigDecimal refunded = r.money("Refunded Amount");
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        if (refunded == null || refunded.signum() < 0) {
            refunded = zero;
        }
        BigDecimal paid;
        if (status == OrderStatus.UNPAID || "voided".equalsIgnoreCase(financial) || "expired".equalsIgnoreCase(financial)) {
            paid = zero; // an authorization or an invoice sent: nothing was taken
        } else if (total != null && outstanding != null) {
            paid = total.subtract(outstanding);
        } else {
            paid = "partially_paid".equalsIgnoreCase(financial) ? null : total;
        }
        if (status == OrderStatus.REFUNDED && refunded.signum() == 0 && paid != null) {
            refunded = paid;
        } else if ((status == OrderStatus.PAID || status == OrderStatus.SHIPPED) && refunded.signum() > 0) {
            status = paid != null && refunded.compareTo(paid) >= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        }
        String country = r.text("Shipping Country");
        String billingCountry = r.text("Billing Country");
        String shippingPhone = r.text("Shipping Phone");
        List<String> phones = new ArrayList<>(3);
        for (String p : new String[] {r.text("Phone"), r.text("Billing Phone"), shippingPhone}) {
            if (p != null && !phones.contains(p)) {
                phones.add(p);
            }
        }
        String receiverName = r.text("Shipping Name");
        Buyer buyer = new Buyer(null, firstNonNull(r.text("Billing Name"), receiverName), phones, r.text("Email"), null, null,
                CountryCodes.iso(billingCountry != null ? billingCountry : country));
        String street = r.text("Shipping Street");
        Address receiver = new Address(receiverName, shippingPhone, country,
                firstNonNull(r.text("Shipping Province Name"), r.text("Shipping Province")), r.text("Shipping City"), null,
                street != null ? street : PersonNames.street(r.text("Shipping Address1"), r.text("Shipping Address2")),
                r.text("Shipping Zip"));
        BigDecimal discount = r.money("Discount Amount");
        return new ImportedOrder("shopify", no, status, financial, currencyOf(r, shopCurrency), r.money("Subtotal"), r.money("Shipping"),
                discount, total, paid, status == OrderStatus.REFUNDED || status == OrderStatus.PARTIALLY_REFUNDED ? refunded : zero,
                r.time("Created at"), r.time("Paid at"), r.time("Fulfilled at"), null, cancelledAt, buyer, receiver,
                null, null, null, r.text("Notes"), List.of(), r.source());
    }

    private static String currencyOf(RowReader r, String shopCurrency) {
        String c = r.text("Currency");
        if ((c == null || !c.matches("[A-Za-z]{3}")) && shopCurrency != null) {
            return shopCurrency;
        }
        if (c == null || !c.matches("[A-Za-z]{3}")) {
            r.problem("Currency", "unknown_currency", "no currency code: amounts taken as USD", true);
            return "USD";
        }
        return c.toUpperCase(Locale.ROOT);
    }

    private static ImportedLine line(RowReader r, int lineNo) {
        String title = r.text("Lineitem name");
        if (title == null) {
            return null;
        }
        Integer qty = r.integer("Lineitem quantity");
        int quantity = qty == null ? 1 : qty;
        BigDecimal price = r.money("Lineitem price");
        BigDecimal discount = r.money("Lineitem discount");
        BigDecimal total = price == null ? null : price.multiply(BigDecimal.valueOf(quantity));
        if (total != null && discount != null) {
            total = total.subtract(discount);
        }
        return new ImportedLine(lineNo, null, r.text("Lineitem sku"), title, null, quantity, price, total, null);
    }

    static ImportedOrder withLines(ImportedOrder o, List<ImportedLine> lines) {
        return new ImportedOrder(o.platform(), o.externalOrderId(), o.status(), o.platformStatus(), o.currency(),
                o.goodsAmount(), o.shippingAmount(), o.discountAmount(), o.totalAmount(), o.paidAmount(), o.refundedAmount(),
                o.orderedAt(), o.paidAt(), o.shippedAt(), o.completedAt(), o.cancelledAt(), o.buyer(), o.receiver(),
                o.trackingNo(), o.carrier(), o.buyerMessage(), o.sellerNote(), lines, o.source());
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
