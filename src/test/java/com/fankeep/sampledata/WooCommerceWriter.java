package com.fankeep.sampledata;

import static com.fankeep.sampledata.Catalog.*;

import com.fankeep.sampledata.People.Address;
import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * WooCommerce orders via the SkyVerge "Customer/Order CSV Export" legacy default format
 * (EXPORT-FORMATS.md §8): 43 columns, dates {@code 3/5/2024 9:37}, amounts without fixed decimals,
 * items {@code product_id:1201|2|28|color: White}, order notes joined with {@code |}. UTF-8 without
 * BOM, CRLF (the plugin's defaults). The file name is not confirmed by the reference.
 */
final class WooCommerceWriter {

    static final String FILE = "orders-export-2024-03-15.csv";

    static final List<String> HEADER = List.of("order_id", "order_number_formatted", "order_number", "date", "status",
            "order_shipping", "order_shipping_tax", "order_fees", "order_fee_tax", "order_tax", "cart_discount",
            "order_discount", "order_total", "payment_method", "shipping_method", "customer_user", "billing_first_name",
            "billing_last_name", "billing_email", "billing_phone", "billing_address_1", "billing_address_2",
            "billing_postcode", "billing_city", "billing_state", "billing_country", "billing_company",
            "shipping_first_name", "shipping_last_name", "shipping_address_1", "shipping_address_2",
            "shipping_postcode", "shipping_city", "shipping_state", "shipping_country", "shipping_company",
            "customer_note", "order_item_1", "order_item_2", "download_permissions_granted", "order_notes",
            "shipping_method_1", "shipping_cost_1");

    /**
     * @param first  billing first name as the buyer typed it (陈美玲 types her name in Chinese)
     * @param phone  billing phone as typed
     * @param user   WordPress user id, 0 for a guest checkout
     */
    record Order(int id, String key, String date, String status, String first, String last, String phone, int user,
                 String payment, String note, List<Line> lines) {}

    static List<Order> orders() {
        return List.of(
                new Order(1201, "C38", "3/2/2024 9:37", "completed", "美玲", "陈", "0491 570 156", 12, "paypal",
                        "请写中文地址标签也可以", List.of(line(MUG_WHITE, 2), line(CANDLE_OSMANTHUS, 1))),
                new Order(1202, "C39", "3/5/2024 14:05", "completed", "Olivia", "Brown", "+1 (416) 555-0199", 0,
                        "stripe", "", List.of(line(SCARF_OAT, 1))),
                new Order(1203, "C40", "3/8/2024 22:41", "refunded", "Daniel", "Kim", "2125550147", 15, "stripe",
                        "", List.of(line(TEAPOT_WOOD, 1))),
                new Order(1204, "C36", "3/11/2024 8:03", "processing", "James", "Wilson", "020 7946 0958", 0,
                        "paypal", "Please leave with the neighbour at No. 50", List.of(line(TOTE_CREAM, 1),
                        line(PILLOW_BLUE, 2))),
                new Order(1205, "C35", "3/14/2024 17:26", "on-hold", "Emily", "Carter", "415.555.0134", 9, "bacs", "",
                        List.of(line(SHIRT_BLUE_L, 1))));
    }

    static void write(Path dir) throws IOException {
        Csv csv = new Csv(Csv.CRLF).header(HEADER);
        for (Order o : orders()) {
            Person p = People.get(o.key());
            Address a = p.home();
            String[] street = a.street().split(", ", 2);
            String street2 = street.length > 1 ? street[1] : "";
            int goods = o.lines().stream().mapToInt(Line::usd).sum();
            int shipping = 1000;
            String[] items = new String[2];
            for (int i = 0; i < 2; i++) {
                if (i < o.lines().size()) {
                    Line l = o.lines().get(i);
                    String key = l.sku().product() == CANDLE ? "scent" : "color";
                    items[i] = "product_id:" + stableId("4", l.sku().product().enTitle(), 3) + "|" + l.qty() + "|"
                            + moneyLoose(l.usd()) + "|" + key + ": " + l.sku().attrsEn();
                }
            }
            List<String> notes = new ArrayList<>();
            switch (o.status()) {
                case "completed" -> {
                    notes.add("Order status changed from Pending payment to Processing.");
                    notes.add("Order status changed from Processing to Completed.");
                }
                case "processing" -> notes.add("Order status changed from Pending payment to Processing.");
                case "refunded" -> {
                    notes.add("Order status changed from Pending payment to Processing.");
                    notes.add("Refunded " + moneyLoose(goods + shipping) + " - item damaged in transit");
                    notes.add("Order status changed from Processing to Refunded.");
                }
                default -> notes.add("Awaiting BACS payment Order status changed from Pending payment to On hold.");
            }
            String state = a.provinceCode();
            csv.row(Integer.toString(o.id()), Integer.toString(o.id()), Integer.toString(o.id()), o.date(), o.status(),
                    moneyLoose(shipping), "0", "0", "0", "0", "0", "0", moneyLoose(goods + shipping), o.payment(),
                    "International Flat Rate", Integer.toString(o.user()), o.first(), o.last(), p.email(), o.phone(),
                    street[0], street2, a.zip(), a.city(), state, a.countryCode(), "", o.first(), o.last(), street[0],
                    street2, a.zip(), a.city(), state, a.countryCode(), "", o.note(), items[0], items[1],
                    o.status().equals("completed") ? "1" : "0", String.join("|", notes), "flat_rate",
                    moneyLoose(shipping));
        }
        csv.write(dir.resolve("woocommerce").resolve(FILE), StandardCharsets.UTF_8, false);
    }

    private WooCommerceWriter() {}
}
