package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.MoneyParser;
import com.fankeep.core.importing.ParseException;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.OrderStatus;
import com.fankeep.core.importing.read.SheetRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WooCommerce orders as the SkyVerge "Customer/Order CSV Export" plugin writes them (§8, legacy one-row-per-order
 * layout; the newer default layout's column names are accepted too). Items sit in order_item_1, order_item_2…
 * as {@code product_id:4242|2|28|color: White} (product, quantity, line total, options).
 *
 * <p>Currency: the legacy layout has no currency column and WooCommerce stores one currency per shop, so the
 * amounts are in the shop's currency ({@link ShopCurrency}: the import's choice, else Settings); only when neither
 * says are they taken as US dollars, with one warning. A file with order_currency/currency uses that column.
 */
public final class WooCommerceOrdersFormat implements ExportFormat {

    static final String ORDER_ID = "order_id";
    static final String ASSUMED_CURRENCY = "USD";

    @Override
    public String id() {
        return "woocommerce_orders";
    }

    @Override
    public int score(Header h) {
        if (!h.has(ORDER_ID, "status", "order_total") || h.find("billing_email", "billing_first_name") < 0) {
            return 0;
        }
        return 10 + h.count("order_number", "order_number_formatted", "date", "order_date", "order_shipping",
                "shipping_total", "order_tax", "cart_discount", "payment_method", "shipping_method", "customer_user",
                "billing_last_name", "billing_phone", "billing_country", "shipping_first_name", "shipping_country",
                "customer_note", "order_item_1", "order_notes", "order_currency");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        List<String> itemColumns = new ArrayList<>();
        for (String name : header.names()) {
            if (name.matches("(?i)(order|line)_item_\\d+")) {
                itemColumns.add(name);
            }
        }
        boolean hasCurrency = header.find("order_currency", "currency") >= 0;
        String shopCurrency = context.currency().of("woocommerce");
        String unlabelled = shopCurrency != null ? shopCurrency : ASSUMED_CURRENCY;
        return new FormatReader() {
            private boolean warned;

            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                if (!hasCurrency && shopCurrency == null && !warned) {
                    warned = true;
                    sink.problem(new ImportProblem(context.fileName(), header.rowNumber(), null, null, "currency_assumed",
                            "the file has no currency column: amounts are taken as " + ASSUMED_CURRENCY, true));
                }
                String no = orderNumber(r);
                if (no == null) {
                    r.problem(ORDER_ID, "missing_order_no", "no order number", false);
                    return;
                }
                sink.item(order(r, no, itemColumns, unlabelled));
            }

            @Override
            public void finish(ItemSink sink) {
                // one row per order: nothing pending
            }
        };
    }

    /**
     * The number the shop shows: order_number when filled, else order_number_formatted (a sequential-numbers
     * plugin's "WC-1201"), else order_id. Stores without such a plugin export order_number present but empty.
     */
    static String orderNumber(RowReader r) {
        String no = r.text("order_number");
        if (no == null) {
            no = r.text("order_number_formatted");
        }
        return no != null ? no : r.text(ORDER_ID);
    }

    private static ImportedOrder order(RowReader r, String no, List<String> itemColumns, String unlabelled) {
        String platformStatus = r.text("status", "order_status");
        OrderStatus status = r.known(WooStatus.of(platformStatus), "status", platformStatus);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal total = r.money("order_total");
        BigDecimal paid = status == OrderStatus.UNPAID || status == OrderStatus.CANCELLED || status == OrderStatus.CLOSED
                ? null : total;
        BigDecimal refunded = r.money("refunded_total", "order_refund", "refund_total");
        if (refunded == null || refunded.signum() < 0) {
            refunded = zero;
        }
        if (status == OrderStatus.REFUNDED && refunded.signum() == 0 && total != null) {
            refunded = total;
        } else if (status.isRevenue() && status != OrderStatus.PARTIALLY_REFUNDED && refunded.signum() > 0) {
            status = total != null && refunded.compareTo(total) >= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        }
        if (status != OrderStatus.REFUNDED && status != OrderStatus.PARTIALLY_REFUNDED) {
            refunded = zero;
        }
        String billingCountry = r.text("billing_country");
        String shippingCountry = r.text("shipping_country");
        String phone = r.text("billing_phone");
        String shippingPhone = r.text("shipping_phone");
        List<String> phones = new ArrayList<>(2);
        for (String p : new String[] {phone, shippingPhone}) {
            if (p != null && !phones.contains(p)) {
                phones.add(p);
            }
        }
        String customer = r.text("customer_user", "customer_id");
        String billingName = PersonNames.join(r.text("billing_first_name"), r.text("billing_last_name"));
        String shippingName = PersonNames.join(r.text("shipping_first_name"), r.text("shipping_last_name"));
        Buyer buyer = new Buyer(customer == null || customer.equals("0") ? null : customer, billingName, phones,
                r.text("billing_email"), null, null, CountryCodes.iso(billingCountry != null ? billingCountry : shippingCountry));
        boolean shipsElsewhere = shippingName != null || r.text("shipping_address_1") != null;
        Address receiver = shipsElsewhere
                ? new Address(shippingName != null ? shippingName : billingName, shippingPhone != null ? shippingPhone : phone,
                        shippingCountry, r.text("shipping_state"), r.text("shipping_city"), null,
                        PersonNames.street(r.text("shipping_address_1"), r.text("shipping_address_2")), r.text("shipping_postcode"))
                : new Address(billingName, phone, billingCountry, r.text("billing_state"), r.text("billing_city"), null,
                        PersonNames.street(r.text("billing_address_1"), r.text("billing_address_2")), r.text("billing_postcode"));
        List<ImportedLine> lines = new ArrayList<>();
        BigDecimal goods = null;
        for (String column : itemColumns) {
            ImportedLine line = item(r, column, lines.size() + 1);
            if (line != null) {
                lines.add(line);
                if (line.lineTotal() != null) {
                    goods = goods == null ? line.lineTotal() : goods.add(line.lineTotal());
                }
            }
        }
        BigDecimal discount = sum(r.money("cart_discount"), r.money("order_discount"));
        if (discount == null) {
            discount = r.money("discount_total");
        }
        String notes = r.text("order_notes");
        String currency = r.text("order_currency", "currency");
        var orderedAt = r.time("date", "order_date");
        return new ImportedOrder("woocommerce", no, status, platformStatus,
                currency == null ? unlabelled : currency.toUpperCase(Locale.ROOT), goods,
                r.money("order_shipping", "shipping_total"), discount, total, paid, refunded, orderedAt,
                r.time("paid_date", "date_paid"), null, r.time("completed_date", "date_completed"), null, buyer, receiver,
                null, null, r.text("customer_note"), notes == null ? null : notes.replace('|', '\n'), lines, r.source());
    }

    /**
     * One order_item cell: {@code product_id:4242|2|28|color: White} (legacy), or key:value parts
     * {@code name:Mug|product_id:4242|sku:XM-1|quantity:2|total:28|meta:color=White} (newer layouts).
     */
    static ImportedLine item(RowReader r, String column, int lineNo) {
        String cell = r.text(column);
        if (cell == null) {
            return null;
        }
        String[] parts = cell.split("\\|", -1);
        String title = null;
        String sku = null;
        String qtyText = null;
        String totalText = null;
        String variant = null;
        if (cell.matches("(?s).*(^|\\|)quantity:.*")) {
            for (String p : parts) {
                int colon = p.indexOf(':');
                String key = colon < 0 ? "" : p.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? p.trim() : p.substring(colon + 1).trim();
                switch (key) {
                    case "name" -> title = value;
                    case "sku" -> sku = value.isEmpty() ? sku : value;
                    case "product_id" -> sku = sku != null ? sku : value;
                    case "quantity" -> qtyText = value;
                    case "total" -> totalText = value;
                    case "meta", "item_meta" -> variant = value.isEmpty() ? null : value;
                    default -> { }
                }
            }
            if (title == null) {
                title = sku;
            }
        } else {
            title = parts[0].trim();
            if (title.startsWith("product_id:")) {
                sku = title.substring("product_id:".length()).trim();
            }
            qtyText = parts.length > 1 ? parts[1].trim() : null;
            totalText = parts.length > 2 ? parts[2].trim() : null;
            variant = parts.length > 3 ? String.join("|", java.util.Arrays.copyOfRange(parts, 3, parts.length)).trim() : null;
            if (variant != null && variant.isEmpty()) {
                variant = null;
            }
        }
        int quantity = 1;
        BigDecimal total = null;
        try {
            if (qtyText != null && !qtyText.isEmpty()) {
                quantity = new BigDecimal(qtyText).intValueExact();
            }
            total = MoneyParser.parse(totalText);
        } catch (NumberFormatException | ArithmeticException | ParseException e) {
            r.problem(column, "bad_item", "not product|quantity|total|options: " + cell, true);
        }
        BigDecimal unit = total == null || quantity == 0 ? null
                : total.divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP);
        return new ImportedLine(lineNo, null, sku, title, variant, quantity, unit, total, null);
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }
}
