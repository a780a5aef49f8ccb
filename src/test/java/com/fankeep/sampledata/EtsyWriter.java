package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import com.fankeep.sampledata.People.Address;
import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Etsy sold-orders pair for March 2024 (EXPORT-FORMATS.md §9): {@code EtsySoldOrders2024-3.csv} and
 * {@code EtsySoldOrderItems2024-3.csv}, dates MM/DD/YY, no phone and no e-mail (buyers are keyed by
 * user name, name and address), Order Shipping repeated on every item row. UTF-8, LF.
 */
final class EtsyWriter {

    static final String ORDER_FILE = "EtsySoldOrders2024-3.csv";
    static final String ITEM_FILE = "EtsySoldOrderItems2024-3.csv";

    static final List<String> ORDER_HEADER = List.of("Sale Date", "Order ID", "Buyer User ID", "Full Name", "First Name",
            "Last Name", "Number of Items", "Payment Method", "Date Shipped", "Street 1", "Street 2", "Ship City",
            "Ship State", "Ship Zipcode", "Ship Country", "Currency", "Order Value", "Coupon Code", "Coupon Details",
            "Discount Amount", "Shipping Discount", "Shipping", "Sales Tax", "Order Total", "Status",
            "Card Processing Fees", "Order Net", "Adjusted Order Total", "Adjusted Card Processing Fees",
            "Adjusted Net Order Amount", "Buyer", "Order Type", "Payment Type");

    static final List<String> ITEM_HEADER = List.of("Sale Date", "Item Name", "Buyer", "Quantity", "Price",
            "Coupon Code", "Coupon Details", "Discount Amount", "Shipping Discount", "Order Shipping",
            "Order Sales Tax", "Item Total", "Currency", "Transaction ID", "Listing ID", "Date Paid", "Date Shipped",
            "Ship Name", "Ship Address1", "Ship Address2", "Ship City", "Ship State", "Ship Zipcode", "Ship Country",
            "Order ID", "Variations", "Order Type", "Listings Type", "Payment Type");

    record Order(String key, LocalDate sold, boolean shipped, boolean paypal, List<Line> lines) {}

    static List<Order> orders() {
        return List.of(
                new Order("C35", LocalDate.of(2024, 3, 2), true, false, List.of(line(MUG_WHITE, 1), line(CANDLE_CEDAR, 1))),
                new Order("C37", LocalDate.of(2024, 3, 5), true, true, List.of(line(SCARF_OAT, 1))),
                new Order("C40", LocalDate.of(2024, 3, 9), true, false, List.of(line(TEAPOT_WOOD, 1))),
                new Order("C36", LocalDate.of(2024, 3, 12), false, false, List.of(line(PILLOW_BLUE, 2))),
                new Order("C38", LocalDate.of(2024, 3, 14), false, true, List.of(line(TOTE_CREAM, 1), line(MUG_SLATE, 2))));
    }

    static final DateTimeFormatter MDY = DateTimeFormatter.ofPattern("MM/dd/yy");

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_06L);
        Csv orders = new Csv(Csv.LF).header(ORDER_HEADER);
        Csv items = new Csv(Csv.LF).header(ITEM_HEADER);
        for (Order o : orders()) {
            Person p = People.get(o.key());
            Address a = p.home();
            String[] street = a.street().split(", ", 2);
            String street2 = street.length > 1 ? street[1] : "";
            String orderId = "3" + digits(rnd, 9);
            String buyerId = "8" + digits(rnd, 8);
            int value = o.lines().stream().mapToInt(Line::usd).sum();
            int shipping = a.countryCode().equals("US") ? 500 : 1200;
            int tax = a.countryCode().equals("US") ? value * 8 / 100 : 0;
            int total = value + shipping + tax;
            int fees = total * 3 / 100 + 25;
            String sold = o.sold().format(MDY);
            String shippedOn = o.shipped() ? o.sold().plusDays(2).format(MDY) : "";
            String payType = o.paypal() ? "online_paypal" : "online_cc";
            int count = o.lines().stream().mapToInt(Line::qty).sum();
            orders.row(sold, orderId, buyerId, p.fullEn(), p.firstEn(), p.lastEn(), Integer.toString(count),
                    o.paypal() ? "PayPal" : "Credit Card", shippedOn, street[0], street2, a.city(), a.provinceCode(),
                    a.zip(), a.country(), "USD", money(value), "", "", "0", "0", money(shipping), money(tax),
                    money(total), o.shipped() ? "Completed" : "", money(fees), money(total - fees), "", "", "",
                    p.nick(), "online", payType);
            for (Line l : o.lines()) {
                items.row(sold, l.sku().titleEn(), p.nick(), Integer.toString(l.qty()), money(l.sku().usd()), "", "",
                        "0", "0", money(shipping), money(tax), money(l.usd()), "USD", "4" + digits(rnd, 9),
                        stableId("1", l.sku().product().enTitle(), 9), sold, shippedOn, p.fullEn(), street[0], street2,
                        a.city(), a.provinceCode(), a.zip(), a.country(), orderId,
                        variations(l.sku()), "online", "listing", payType);
            }
        }
        orders.write(dir.resolve("etsy").resolve(ORDER_FILE), StandardCharsets.UTF_8, false);
        items.write(dir.resolve("etsy").resolve(ITEM_FILE), StandardCharsets.UTF_8, false);
    }

    /** "White / M" → "Color:White,Size:M"; single values are a colour or a scent. */
    static String variations(Sku sku) {
        String[] v = sku.attrsEn().split(" / ");
        if (v.length == 2) {
            return "Color:" + v[0] + ",Size:" + v[1];
        }
        return (sku.product() == CANDLE ? "Scent:" : "Color:") + v[0];
    }

    private EtsyWriter() {}
}
