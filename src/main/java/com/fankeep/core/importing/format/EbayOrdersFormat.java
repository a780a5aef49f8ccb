package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.MoneyParser;
import com.fankeep.core.importing.ParseException;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.Buyer;
import com.fankeep.core.importing.model.ImportProblem;
import com.fankeep.core.importing.model.ImportedLine;
import com.fankeep.core.importing.model.ImportedOrder;
import com.fankeep.core.importing.model.OrderStatus;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.shared.CellText;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * eBay Seller Hub "Orders report" (§10), US ("Ship To …") and UK ("Post to …") column names. A blank line or
 * "sep=," may come before the header; the trailer lines "4 record(s) downloaded" and "Seller ID : …" are skipped.
 * One row per item; an order of several items may also have a row of its own without item (its totals). Money
 * is written with its currency ($45.99, £12.00, AU $20.00): that gives the currency unless a column names it.
 * E-mails under members.ebay.com are eBay's relay addresses, not the buyer's, and are not kept.
 */
public final class EbayOrdersFormat implements ExportFormat {

    static final String[] ORDER_NO = {"Order Number", "Order number"};
    static final String[] RECORD_NO = {"Sales Record Number", "Sales record number"};
    private static final Pattern TRAILER = Pattern.compile("(?i)^((?:\\d[\\d,.]*\\s+)?records?\\(?s?\\)?\\s+downloaded.*|seller\\s*id\\s*:.*)$");
    private static final Pattern TRAILER_COUNT = Pattern.compile("(?i)^records?\\(?s?\\)?\\s+downloaded.*$");
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(USD|AUD|CAD|GBP|EUR|NZD|HKD|SGD)\\s*|(US|AU|CA|NZ|HK|SG|A|C)\\s*(?=\\$))?([$£€])?\\s*");

    @Override
    public String id() {
        return "ebay_orders";
    }

    @Override
    public int score(Header h) {
        if (h.find(ORDER_NO) < 0 || h.find(RECORD_NO) < 0 || h.find("Buyer Username", "Buyer username", "User Id") < 0
                || h.find("Total Price", "Total price") < 0) {
            return 0;
        }
        return 10 + h.count("Buyer Name", "Buyer Email", "Buyer Note", "Ship To Name", "Ship To Phone", "Ship To Country",
                "Post to name", "Post to phone", "Post to country", "Item Number", "Item Title", "Custom Label", "Quantity",
                "Sold For", "Shipping And Handling", "Sale Date", "Paid On Date", "Shipped On Date", "Tracking Number",
                "Transaction ID", "Variation Details");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        boolean hasCurrency = header.find("Currency", "Transaction currency", "Transaction Currency") >= 0;
        return new FormatReader() {
            private String orderNo;
            private final List<SheetRow> rows = new ArrayList<>();
            private final Set<String> done = new HashSet<>();
            private boolean warned;

            @Override
            public void accept(SheetRow row, ItemSink sink) {
                if (isTrailer(row)) {
                    return;
                }
                r.at(row, sink);
                String no = r.text(ORDER_NO);
                if (no == null) {
                    no = r.text(RECORD_NO);
                }
                if (no == null) {
                    r.problem(ORDER_NO[0], "missing_order_no", "no order number", false);
                    return;
                }
                if (!no.equals(orderNo)) {
                    flush(sink);
                    if (!done.add(no)) {
                        r.problem(ORDER_NO[0], "order_rows_apart", "a row of order " + no + " far from its other rows", false);
                        return;
                    }
                    orderNo = no;
                }
                rows.add(row);
            }

            @Override
            public void finish(ItemSink sink) {
                flush(sink);
            }

            private void flush(ItemSink sink) {
                if (orderNo != null && !rows.isEmpty()) {
                    Currency currency = new Currency(hasCurrency, context.currency().of("ebay"));
                    sink.item(order(r, sink, orderNo, rows, currency));
                    if (currency.assumed && !warned) {
                        warned = true;
                        sink.problem(new ImportProblem(context.fileName(), rows.get(0).number(), null, null,
                                "currency_assumed", "no currency in the amounts: taken as USD", true));
                    }
                }
                orderNo = null;
                rows.clear();
            }
        };
    }

    /**
     * A line eBay writes after the orders: "4 record(s) downloaded", the same split over cells as
     * "4,record(s) downloaded,from Mar-01-24 to Mar-15-24", or "Seller ID : …" / "Seller ID: …". It is told by
     * its first two cells only, whatever follows: a data row always starts with a record number and an order number.
     */
    static boolean isTrailer(SheetRow row) {
        String first = CellText.cleanOrNull(row.cell(0));
        if (first == null) {
            return false;
        }
        if (TRAILER.matcher(first).matches()) {
            return true;
        }
        String second = CellText.cleanOrNull(row.cell(1));
        return second != null && first.matches("\\d[\\d,.]*") && TRAILER_COUNT.matcher(second).matches();
    }

    /** The currency an order's amounts are in, as far as its cells tell. */
    private static final class Currency {
        final boolean fromColumn;
        final String shop;
        String code;
        boolean assumed;

        Currency(boolean fromColumn, String shop) {
            this.fromColumn = fromColumn;
            this.shop = shop;
        }
    }

    private static ImportedOrder order(RowReader r, ItemSink sink, String no, List<SheetRow> rows, Currency currency) {
        SheetRow head = rows.get(0);
        for (SheetRow row : rows) {
            if (r.at(row, sink).text("Buyer Username", "Buyer username", "User Id") != null) {
                head = row;
                break;
            }
        }
        List<ImportedLine> lines = new ArrayList<>();
        BigDecimal summaryTotal = null;
        BigDecimal summaryShipping = null;
        BigDecimal itemTotal = null;
        BigDecimal itemShipping = null;
        BigDecimal refunded = null;
        OffsetDateTime orderedAt = null;
        OffsetDateTime paidAt = null;
        OffsetDateTime shippedAt = null;
        String tracking = null;
        String explicit = null;
        for (SheetRow row : rows) {
            r.at(row, sink);
            if (currency.fromColumn && currency.code == null) {
                String c = r.text("Currency", "Transaction currency", "Transaction Currency");
                currency.code = c == null ? null : c.toUpperCase(Locale.ROOT);
            }
            BigDecimal total = amount(r, currency, "Total Price", "Total price");
            BigDecimal shipping = amount(r, currency, "Shipping And Handling", "Postage and packaging", "Shipping and handling");
            refunded = add(refunded, amount(r, currency, "Refund Amount", "Refunded Amount"));
            orderedAt = first(orderedAt, r.time("Sale Date", "Sale date"));
            paidAt = first(paidAt, r.time("Paid On Date", "Paid on date"));
            shippedAt = first(shippedAt, r.time("Shipped On Date", "Dispatched on date", "Shipped on date"));
            tracking = tracking != null ? tracking : r.text("Tracking Number", "Tracking number");
            explicit = explicit != null ? explicit : r.text("Order Status", "Order status", "Status");
            String title = r.text("Item Title", "Item title");
            String itemNo = r.text("Item Number", "Item number");
            if (title == null && itemNo == null) {
                summaryTotal = total;
                summaryShipping = shipping;
                continue;
            }
            itemTotal = add(itemTotal, total);
            itemShipping = add(itemShipping, shipping);
            Integer qty = r.integer("Quantity");
            int quantity = qty == null ? 1 : qty;
            BigDecimal price = amount(r, currency, "Sold For", "Sold for");
            String variant = r.text("Variation Details", "Variation details");
            if (variant != null && variant.startsWith("[") && variant.endsWith("]")) {
                variant = variant.substring(1, variant.length() - 1).trim();
            }
            lines.add(new ImportedLine(lines.size() + 1, r.text("Transaction ID"), r.text("Custom Label", "Custom label"),
                    title != null ? title : itemNo, variant, quantity, price,
                    price == null ? null : price.multiply(BigDecimal.valueOf(quantity)), null));
        }
        BigDecimal total = summaryTotal != null ? summaryTotal : itemTotal;
        BigDecimal shipping = summaryTotal != null ? summaryShipping : itemShipping;
        BigDecimal goods = null;
        for (ImportedLine l : lines) {
            goods = add(goods, l.lineTotal());
        }
        OrderStatus status = EbayStatus.of(explicit, paidAt != null, shippedAt != null);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        BigDecimal paid = status == OrderStatus.UNPAID || status == OrderStatus.CANCELLED ? null : total;
        if (refunded == null || refunded.signum() <= 0) {
            refunded = status == OrderStatus.REFUNDED && total != null ? total : zero;
        } else if (status.isRevenue() && status != OrderStatus.PARTIALLY_REFUNDED) {
            status = total != null && refunded.compareTo(total) >= 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        }
        if (status != OrderStatus.REFUNDED && status != OrderStatus.PARTIALLY_REFUNDED) {
            refunded = zero;
        }

        r.at(head, sink);
        String shipCountry = r.text("Ship To Country", "Post to country", "Ship to country");
        String buyerCountry = r.text("Buyer Country", "Buyer country");
        String phone = r.text("Ship To Phone", "Post to phone", "Ship to phone");
        String receiverName = r.text("Ship To Name", "Post to name", "Ship to name");
        String buyerName = r.text("Buyer Name", "Buyer name");
        String email = r.text("Buyer Email", "Buyer email");
        if (email != null && email.toLowerCase(Locale.ROOT).endsWith("@members.ebay.com")) {
            email = null;
        }
        Buyer buyer = new Buyer(r.text("Buyer Username", "Buyer username", "User Id"),
                buyerName != null ? buyerName : receiverName,
                phone == null ? List.of() : List.of(phone), email, null, null,
                CountryCodes.iso(shipCountry != null ? shipCountry : buyerCountry));
        Address receiver = new Address(receiverName, phone, shipCountry,
                r.text("Ship To State", "Post to county", "Ship to state"), r.text("Ship To City", "Post to city", "Ship to city"),
                null, PersonNames.street(r.text("Ship To Address 1", "Post to address 1", "Ship to address 1"),
                        r.text("Ship To Address 2", "Post to address 2", "Ship to address 2")),
                r.text("Ship To Zip", "Post to postcode", "Ship to zip"));
        if (currency.code == null && currency.shop != null) {
            currency.code = currency.shop;
        } else if (currency.code == null) {
            currency.code = "USD";
            currency.assumed = true;
        }
        return new ImportedOrder("ebay", no, status, explicit, currency.code, goods, shipping, null, total, paid, refunded,
                orderedAt, paidAt, shippedAt, null, null, buyer, receiver, tracking, null, r.text("Buyer Note", "Buyer note"),
                r.text("My Item Note", "My item note"), lines, r.source());
    }

    /** An amount as eBay writes it ($45.99, £12.00, AU $20.00); its currency sign sets the order's currency. */
    private static BigDecimal amount(RowReader r, Currency currency, String... names) {
        String text = r.text(names);
        if (text == null) {
            return null;
        }
        Matcher m = PREFIX.matcher(text);
        String code = null;
        String rest = text;
        if (m.find() && m.end() > 0) {
            code = m.group(1) != null ? m.group(1) : currencyCode(m.group(2), m.group(3));
            rest = text.substring(m.end());
        }
        if (code != null && currency.code == null) {
            currency.code = code;
        }
        try {
            return MoneyParser.parse(rest);
        } catch (ParseException e) {
            for (String n : names) {
                if (r.text(n) != null) {
                    r.problem(n, e.code(), e.getMessage(), true);
                    break;
                }
            }
            return null;
        }
    }

    /** "AU" + "$" → AUD, "£" → GBP, "$" → USD; null without a sign. */
    static String currencyCode(String prefix, String sign) {
        String p = prefix == null ? "" : prefix;
        if (sign == null) {
            return null;
        }
        return switch (sign) {
            case "£" -> "GBP";
            case "€" -> "EUR";
            default -> switch (p) {
                case "AU", "A" -> "AUD";
                case "C", "CA" -> "CAD";
                case "NZ" -> "NZD";
                case "HK" -> "HKD";
                case "SG" -> "SGD";
                default -> "USD";
            };
        };
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }

    private static OffsetDateTime first(OffsetDateTime a, OffsetDateTime b) {
        return a != null ? a : b;
    }
}
