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
import java.util.Locale;
import java.util.Random;

/**
 * eBay Seller Hub orders report (EXPORT-FORMATS.md §10): a blank line before the 51-column header,
 * money as {@code $45.99}, dates {@code Mar-05-24}, e-mails masked by eBay, and non-order trailer
 * lines ({@code N record(s) downloaded,,,}, {@code Seller ID : …,,,}). UTF-8 without BOM, CRLF.
 * The file name is not confirmed by the reference.
 */
final class EbayWriter {

    static final String FILE = "eBay-OrdersReport-Mar-15-2024.csv";

    static final List<String> HEADER = List.of("Sales Record Number", "Order Number", "Buyer Username", "Buyer Name",
            "Buyer Email", "Buyer Note", "Buyer Address 1", "Buyer Address 2", "Buyer City", "Buyer State",
            "Buyer Zip", "Buyer Country", "Ship To Name", "Ship To Phone", "Ship To Address 1", "Ship To Address 2",
            "Ship To City", "Ship To State", "Ship To Zip", "Ship To Country", "Item Number", "Item Title",
            "Custom Label", "Sold Via Promoted Listings", "Quantity", "Sold For", "Shipping And Handling",
            "Seller Collected Tax", "eBay Collected Tax", "Total Price", "eBay Collected Tax Included in Total",
            "Payment Method", "Sale Date", "Paid On Date", "Ship By Date", "Minimum Estimated Delivery Date",
            "Maximum Estimated Delivery Date", "Shipped On Date", "Feedback Left", "Feedback Received",
            "My Item Note", "PayPal Transaction ID", "Shipping Service", "Tracking Number", "Transaction ID",
            "Variation Details", "Global Shipping Program", "Global Shipping Reference ID", "Click And Collect",
            "Click And Collect Reference Number", "eBay Plus");

    /** @param phone the ship-to phone as the buyer typed it */
    record Order(String key, LocalDate sold, boolean shipped, String phone, String note, Line line) {}

    static List<Order> orders() {
        return List.of(
                new Order("C36", LocalDate.of(2024, 3, 1), true, "+44 20 7946 0958", "", line(SCARF_OAT, 1)),
                new Order("C37", LocalDate.of(2024, 3, 4), true, "+33 1 99 00 12 34", "Cadeau, merci !",
                        line(CANDLE_OSMANTHUS, 2)),
                new Order("C40", LocalDate.of(2024, 3, 6), true, "212-555-0147", "", line(MUG_SLATE, 2)),
                new Order("C39", LocalDate.of(2024, 3, 10), false, "(416) 555-0199", "", line(SHIRT_WHITE_M, 1)));
    }

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM-dd-yy", Locale.US);

    static String usd(int cents) {
        return "$" + money(cents);
    }

    static void write(Path dir) throws IOException {
        Random rnd = new Random(20240315_08L);
        Csv csv = new Csv(Csv.CRLF).line("").header(HEADER);
        int record = 1001;
        for (Order o : orders()) {
            Person p = People.get(o.key());
            Address a = p.home();
            String[] street = a.street().split(", ", 2);
            String street2 = street.length > 1 ? street[1] : "";
            String orderNo = "1" + rnd.nextInt(10) + "-" + digits(rnd, 5) + "-" + digits(rnd, 5);
            String maskedEmail = Long.toHexString(rnd.nextLong() | Long.MIN_VALUE).substring(0, 14) + "@members.ebay.com";
            int price = o.line().sku().usd();
            int shipping = a.countryCode().equals("US") ? 600 : 1500;
            int tax = a.countryCode().equals("US") ? o.line().usd() * 8 / 100 : 0;
            int total = o.line().usd() + shipping + tax;
            String sold = o.sold().format(DATE);
            csv.row(Integer.toString(record++), orderNo, p.nick(), p.fullEn(), maskedEmail, o.note(), street[0],
                    street2, a.city(), a.provinceCode(), a.zip(), a.country(), p.fullEn(), o.phone(), street[0],
                    street2, a.city(), a.provinceCode(), a.zip(), a.country(),
                    stableId("3", o.line().sku().code(), 11), o.line().sku().titleEn(), o.line().sku().code(), "No",
                    Integer.toString(o.line().qty()), usd(price), usd(shipping), usd(0), usd(tax), usd(total),
                    tax > 0 ? "Yes" : "No", "", sold, sold, o.sold().plusDays(3).format(DATE),
                    o.sold().plusDays(9).format(DATE), o.sold().plusDays(16).format(DATE),
                    o.shipped() ? o.sold().plusDays(2).format(DATE) : "", "No", "", "", "",
                    "Standard International Shipping", o.shipped() ? "LX" + digits(rnd, 9) + "CN" : "",
                    digits(rnd, 13), "[Variation:" + o.line().sku().attrsEn() + "]", "No", "", "No", "", "No");
        }
        int records = record - 1001;
        csv.line("").line(records + " record(s) downloaded,,,").line("Seller ID : xiaoman-studio,,,");
        csv.write(dir.resolve("ebay").resolve(FILE), StandardCharsets.UTF_8, false);
    }

    private EbayWriter() {}
}
