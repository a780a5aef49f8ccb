package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.read.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify customers_export.csv (§7): one customer per row, no orders. Customer ID, phones and zip carry a leading
 * apostrophe (undone by CellText). The Customer ID becomes a "shopify" account so a re-import finds the same people
 * even when they have neither phone nor e-mail.
 */
public final class ShopifyCustomersFormat implements ExportFormat {

    static final String CUSTOMER_ID = "Customer ID";

    /** "WeChat: linxy_van" in the customer note: a WeChat id is 6–20 letters, digits, _ or -, starting with a letter. */
    private static final Pattern WECHAT = Pattern.compile("(?i)(?:wechat|weixin|微信)\\s*(?:id)?\\s*[:：]\\s*([a-z][-_a-z0-9]{5,19})\\b");

    @Override
    public String id() {
        return "shopify_customers";
    }

    @Override
    public int score(Header h) {
        if (!h.has(CUSTOMER_ID, "First Name", "Last Name", "Email")
                || h.find("Default Address Address1", "Default Address Phone", "Default Address Country Code") < 0) {
            return 0;
        }
        return 10 + h.count("Accepts Email Marketing", "Default Address Company", "Default Address City",
                "Default Address Province Code", "Default Address Zip", "Phone", "Accepts SMS Marketing", "Total Spent",
                "Total Orders", "Note", "Tax Exempt", "Tags");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        return new FormatReader() {
            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                ImportedContact c = contact(r);
                if (c == null) {
                    r.problem(CUSTOMER_ID, "empty_contact", "a customer without id, name, phone or e-mail", false);
                    return;
                }
                sink.item(c);
            }

            @Override
            public void finish(ItemSink sink) {
                // one row per customer: nothing pending
            }
        };
    }

    private static ImportedContact contact(RowReader r) {
        String id = r.text(CUSTOMER_ID);
        String name = PersonNames.join(r.text("First Name"), r.text("Last Name"));
        String email = r.text("Email");
        List<String> phones = new ArrayList<>(2);
        for (String p : new String[] {r.text("Phone"), r.text("Default Address Phone")}) {
            if (p != null && !phones.contains(p)) {
                phones.add(p);
            }
        }
        if (id == null && name == null && email == null && phones.isEmpty()) {
            return null;
        }
        String country = r.text("Default Address Country Code", "Default Address Country");
        Address address = new Address(name, r.text("Default Address Phone"), country,
                r.text("Default Address Province Code", "Default Address Province"), r.text("Default Address City"), null,
                PersonNames.street(r.text("Default Address Address1"), r.text("Default Address Address2")),
                r.text("Default Address Zip"));
        String note = r.text("Note");
        return new ImportedContact(name, id == null ? List.of() : List.of("shopify:" + id), phones,
                email == null ? List.of() : List.of(email), wechat(note), null, address, null, note, null,
                CountryCodes.iso(country), r.source());
    }

    static String wechat(String note) {
        if (note == null) {
            return null;
        }
        Matcher m = WECHAT.matcher(note);
        return m.find() ? m.group(1) : null;
    }
}
