package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import com.fankeep.sampledata.People.Address;
import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Shopify {@code orders_export_1.csv} (current 79-column header, one row per line item; the rows
 * after an order's first carry only Name and the line-item columns) and {@code customers_export.csv}
 * (Customer ID, phones and zip with a leading apostrophe). UTF-8 without BOM, LF. EXPORT-FORMATS.md §7.
 */
final class ShopifyWriter {

    static final List<String> ORDER_HEADER = List.of("Name", "Email", "Financial Status", "Paid at",
            "Fulfillment Status", "Fulfilled at", "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes",
            "Total", "Discount Code", "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity",
            "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
            "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Billing Name",
            "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing City", "Billing Zip",
            "Billing Province", "Billing Country", "Billing Phone", "Shipping Name", "Shipping Street",
            "Shipping Address1", "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
            "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes", "Cancelled at",
            "Payment Method", "Payment Reference", "Refunded Amount", "Vendor", "Outstanding Balance", "Employee",
            "Location", "Device ID", "Id", "Tags", "Risk Level", "Source", "Lineitem discount", "Tax 1 Name",
            "Tax 1 Value", "Tax 2 Name", "Tax 2 Value", "Tax 3 Name", "Tax 3 Value", "Tax 4 Name", "Tax 4 Value",
            "Tax 5 Name", "Tax 5 Value", "Phone", "Receipt Number", "Duties", "Billing Province Name",
            "Shipping Province Name", "Payment ID", "Payment Terms Name", "Next Payment Due At", "Payment References");

    static final List<String> CUSTOMER_HEADER = List.of("Customer ID", "First Name", "Last Name", "Email",
            "Accepts Email Marketing", "Default Address Company", "Default Address Address1",
            "Default Address Address2", "Default Address City", "Default Address Province Code",
            "Default Address Country Code", "Default Address Zip", "Default Address Phone", "Phone",
            "Accepts SMS Marketing", "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags");

    /** Line-item columns: the only ones (besides Name) filled on an order's second and later rows. */
    static final List<String> LINE_COLUMNS = List.of("Lineitem quantity", "Lineitem name", "Lineitem price",
            "Lineitem compare at price", "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable",
            "Lineitem fulfillment status", "Vendor", "Lineitem discount");

    /** 张伟 (C01) ordering from Shanghai on the overseas shop, address in Latin letters. */
    private static final Address C01_LATIN = Address.abroad("Lane 588 Zhangyang Rd No.12, Room 302",
            "Shanghai", "Shanghai", "SH", "200120", "CN", "China");

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    record Order(int number, Person buyer, String created, String financial, String fulfillment, List<Line> lines,
                 String discountCode, int discountPct, int refundedCents, String payment, String note) {}

    private static Order o(int n, String key, String created, String financial, String fulfillment,
                           Line... lines) {
        return new Order(n, People.get(key), created, financial, fulfillment, List.of(lines), "", 0, 0,
                "Shopify Payments", "");
    }

    private static Order with(Order o, String discountCode, int pct, int refunded, String payment, String note) {
        return new Order(o.number(), o.buyer(), o.created(), o.financial(), o.fulfillment(), o.lines(), discountCode,
                pct, refunded, payment, note);
    }

    static List<Order> orders() {
        return List.of(
                o(1001, "C35", "2023-09-02 10:15:22", "paid", "fulfilled", line(MUG_WHITE, 2)),
                o(1002, "C06", "2023-09-18 21:03:45", "paid", "fulfilled", line(SCARF_OAT, 1),
                        line(CANDLE_OSMANTHUS, 1)),
                o(1003, "C36", "2023-10-05 08:40:10", "paid", "fulfilled", line(TEAPOT_WOOD, 1)),
                with(o(1004, "C38", "2023-10-21 19:22:03", "refunded", "", line(SHIRT_BLUE_L, 1)),
                        "", 0, 3800 + 1200, "PayPal Express Checkout", "Size too big, refunded before shipping"),
                with(o(1005, "C40", "2023-11-10 23:59:01", "paid", "fulfilled", line(TOTE_CREAM, 1),
                        line(PILLOW_BLUE, 2), line(MUG_SLATE, 1)), "SINGLES11", 10, 0, "Shopify Payments", ""),
                with(o(1006, "C35", "2023-11-24 09:12:44", "paid", "fulfilled", line(CANDLE_CEDAR, 3)),
                        "BLACKFRIDAY", 20, 0, "Shopify Payments", ""),
                with(o(1007, "C39", "2023-12-03 14:05:18", "partially_refunded", "fulfilled", line(SCARF_OAT, 1),
                        line(MUG_WHITE, 1)), "", 0, 1400, "Shopify Payments", "Mug arrived chipped, refunded the mug"),
                o(1008, "C01", "2023-12-20 20:30:00", "paid", "fulfilled", line(MUG_SLATE, 2)),
                o(1009, "C37", "2024-01-14 11:11:11", "paid", "fulfilled", line(SHIRT_WHITE_M, 1)),
                o(1010, "C38", "2024-02-02 09:30:00", "paid", "fulfilled", line(CANDLE_OSMANTHUS, 2)),
                o(1011, "C06", "2024-02-10 22:48:31", "paid", "fulfilled", line(TEAPOT_WOOD, 1)),
                o(1012, "C36", "2024-02-27 17:20:40", "paid", "partial", line(PILLOW_BLUE, 2), line(TOTE_CREAM, 1)),
                o(1013, "C35", "2024-03-09 13:37:00", "paid", "unfulfilled", line(SCARF_OAT, 1)),
                with(o(1014, "C40", "2024-03-13 07:45:12", "pending", "unfulfilled", line(MUG_WHITE, 4)),
                        "", 0, 0, "Bank Deposit", "Will pay by bank transfer"),
                o(1015, "C39", "2024-03-14 16:02:59", "voided", "unfulfilled", line(CANDLE_CEDAR, 1)));
    }

    static Address shipTo(Person p) {
        if (p.key().equals("C01")) {
            return C01_LATIN;
        }
        return p.abroad() != null ? p.abroad() : p.home();
    }

    /** The phone as typed at checkout. */
    static String checkoutPhone(Person p) {
        return p.mobile() != null ? People.Phones.plus86(p.mobile()) : p.intlPhone();
    }

    /** The phone as Shopify normalizes it on the order/customer (E.164). */
    static String e164(Person p) {
        String s = p.mobile() != null ? People.Phones.e164(p.mobile()) : p.intlPhone();
        return s.replaceAll("[^+0-9]", "");
    }

    static int shippingCents(Order o) {
        int subtotal = o.lines().stream().mapToInt(Line::usd).sum();
        if (subtotal >= 7500) {
            return 0;
        }
        return shipTo(o.buyer()).countryCode().equals("US") ? 800 : 1200;
    }

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_07L);
        Csv csv = new Csv(Csv.LF).header(ORDER_HEADER);
        Map<String, int[]> spentAndCount = new LinkedHashMap<>();
        for (Order o : orders()) {
            Person p = o.buyer();
            Address a = shipTo(p);
            int subtotal = o.lines().stream().mapToInt(Line::usd).sum();
            int discount = subtotal * o.discountPct() / 100;
            int shipping = shippingCents(o);
            int total = subtotal - discount + shipping;
            LocalDateTime created = LocalDateTime.parse(o.created(), TS);
            boolean paid = !o.financial().equals("pending") && !o.financial().equals("voided");
            String paidAt = paid ? stamp(created.plusSeconds(5 + rnd.nextInt(40))) : "";
            String fulfilledAt = o.fulfillment().equals("fulfilled") ? stamp(created.plusDays(2).plusHours(3)) : "";
            boolean cancelled = o.financial().equals("refunded") || o.financial().equals("voided");
            String cancelledAt = cancelled ? stamp(created.plusDays(1)) : "";
            String[] street = a.street().split(", ", 2);
            String address1 = street[0];
            String address2 = street.length > 1 ? street[1] : "";
            String paymentRef = "c" + digits(rnd, 11) + ".1";
            String id = "5" + digits(rnd, 12);
            String name = "#" + o.number();
            String phone = checkoutPhone(p);
            for (int n = 0; n < o.lines().size(); n++) {
                Line l = o.lines().get(n);
                Map<String, String> row = new LinkedHashMap<>();
                row.put("Name", name);
                String lineStatus = switch (o.fulfillment()) {
                    case "fulfilled" -> "fulfilled";
                    case "partial" -> n == 0 ? "fulfilled" : "pending";
                    default -> "pending";
                };
                row.put("Lineitem quantity", Integer.toString(l.qty()));
                row.put("Lineitem name", l.sku().titleEn() + " - " + l.sku().attrsEn());
                row.put("Lineitem price", money(l.sku().usd()));
                row.put("Lineitem compare at price", "");
                row.put("Lineitem sku", l.sku().code());
                row.put("Lineitem requires shipping", "true");
                row.put("Lineitem taxable", "true");
                row.put("Lineitem fulfillment status", lineStatus);
                row.put("Vendor", SHOP_EN);
                row.put("Lineitem discount", "0.00");
                if (n == 0) {
                    row.put("Email", p.email());
                    row.put("Financial Status", o.financial());
                    row.put("Paid at", paidAt);
                    row.put("Fulfillment Status", o.fulfillment().isEmpty() ? "unfulfilled" : o.fulfillment());
                    row.put("Fulfilled at", fulfilledAt);
                    row.put("Accepts Marketing", p.key().compareTo("C37") < 0 ? "yes" : "no");
                    row.put("Currency", "USD");
                    row.put("Subtotal", money(subtotal - discount));
                    row.put("Shipping", money(shipping));
                    row.put("Taxes", "0.00");
                    row.put("Total", money(total));
                    row.put("Discount Code", o.discountCode());
                    row.put("Discount Amount", money(discount));
                    row.put("Shipping Method", shipping == 0 ? "Free International Shipping" : "Standard International");
                    row.put("Created at", stamp(created));
                    for (String side : List.of("Billing", "Shipping")) {
                        row.put(side + " Name", p.fullEn());
                        row.put(side + " Street", a.street());
                        row.put(side + " Address1", address1);
                        row.put(side + " Address2", address2);
                        row.put(side + " Company", "");
                        row.put(side + " City", a.city());
                        row.put(side + " Zip", a.zip());
                        row.put(side + " Province", a.provinceCode());
                        row.put(side + " Country", a.countryCode());
                        row.put(side + " Phone", phone);
                        row.put(side + " Province Name", a.province());
                    }
                    row.put("Notes", o.note());
                    row.put("Cancelled at", cancelledAt);
                    row.put("Payment Method", o.payment());
                    row.put("Payment Reference", paid || cancelled ? paymentRef : "");
                    row.put("Refunded Amount", money(o.refundedCents()));
                    row.put("Outstanding Balance", paid || cancelled ? "0.00" : money(total));
                    row.put("Id", id);
                    row.put("Tags", p.abroad() != null ? "overseas-chinese" : "");
                    row.put("Risk Level", "Low");
                    row.put("Source", "web");
                    row.put("Phone", e164(p));
                    row.put("Payment ID", paid || cancelled ? paymentRef.substring(0, 12) : "");
                    row.put("Payment References", paid || cancelled ? paymentRef : "");
                }
                csv.row(ORDER_HEADER.stream().map(h -> row.getOrDefault(h, "")).toList());
            }
            int net = o.financial().equals("pending") || o.financial().equals("voided") ? 0 : total - o.refundedCents();
            int[] sc = spentAndCount.computeIfAbsent(p.key(), k -> new int[2]);
            sc[0] += net;
            sc[1]++;
        }
        csv.write(dir.resolve("shopify").resolve("orders_export_1.csv"), StandardCharsets.UTF_8, false);

        Csv customers = new Csv(Csv.LF).header(CUSTOMER_HEADER);
        for (var e : spentAndCount.entrySet()) {
            Person p = People.get(e.getKey());
            Address a = shipTo(p);
            String[] street = a.street().split(", ", 2);
            customers.row("'" + digits(rnd, 13), p.firstEn(), p.lastEn(), p.email(),
                    p.key().compareTo("C37") < 0 ? "yes" : "no", "", street[0], street.length > 1 ? street[1] : "",
                    a.city(), a.provinceCode(), a.countryCode(), "'" + a.zip(), "'" + checkoutPhone(p), "'" + e164(p),
                    "no", money(e.getValue()[0]), Integer.toString(e.getValue()[1]),
                    p.wechat() != null ? "WeChat: " + p.wechat() : "", "no",
                    p.abroad() != null ? "overseas-chinese, VIP" : "");
        }
        customers.write(dir.resolve("shopify").resolve("customers_export.csv"), StandardCharsets.UTF_8, false);
    }

    private static String stamp(LocalDateTime t) {
        return t.format(TS) + " +0800";
    }


    private ShopifyWriter() {}
}
