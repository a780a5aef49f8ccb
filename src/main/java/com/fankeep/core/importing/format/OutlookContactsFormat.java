package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.read.SheetRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Outlook contacts CSV (EXPORT-FORMATS.md §11): the 61-column outlook.com export and the older desktop/Google
 * "Outlook CSV" column set; GBK on a Chinese Windows. Personal phones are kept (mobile, primary, home, business,
 * car, other, callback, radio), company switchboards, assistants, faxes, pagers and telex are not; the home
 * address, else the business one, else the other one; Birthday as 1990/12/1 or 5/4/1991 (month first), 0/0/00 = none.
 */
public final class OutlookContactsFormat implements ExportFormat {

    private static final String[] PHONES = {"Mobile Phone", "Primary Phone", "Home Phone", "Home Phone 2", "Business Phone",
        "Business Phone 2", "Car Phone", "Other Phone", "Callback", "Radio Phone"};
    private static final String[] EMAILS = {"E-mail Address", "E-mail 2 Address", "E-mail 3 Address"};

    @Override
    public String id() {
        return "outlook_contacts";
    }

    @Override
    public int score(Header h) {
        if (!h.has("First Name", "Last Name", "E-mail Address") || h.find("Mobile Phone", "Home Phone", "Business Phone") < 0) {
            return 0;
        }
        return 10 + h.count("Middle Name", "Nickname", "E-mail 2 Address", "Home Phone", "Business Phone", "Mobile Phone",
                "Home Street", "Home City", "Business Street", "Birthday", "Notes", "Company", "Job Title", "Anniversary");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        return new FormatReader() {
            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                String name = ContactValues.personName(r.text("First Name"), r.text("Middle Name"), r.text("Last Name"));
                List<String> phones = new ArrayList<>();
                for (String column : PHONES) {
                    for (String p : ContactValues.phones(r.text(column))) {
                        if (!phones.contains(p)) {
                            phones.add(p);
                        }
                    }
                }
                List<String> emails = new ArrayList<>();
                for (String column : EMAILS) {
                    emails.addAll(ContactValues.values(r.text(column)));
                }
                String notes = r.text("Notes");
                NoteAccounts.Found found = NoteAccounts.find(notes);
                DateParser.Birthday birthday = r.birthday("Birthday");
                String nickname = r.text("Nickname");
                String company = r.text("Company");
                sink.item(new ImportedContact(name, found.nicknames(), phones, emails, found.wechat(), found.qq(), address(r),
                        birthday, ContactValues.note(notes, nickname == null ? null : "昵称：" + nickname,
                        company == null ? null : "单位：" + company), null, null, r.source()));
            }

            @Override
            public void finish(ItemSink sink) {
                // one row per contact
            }
        };
    }

    private static Address address(RowReader r) {
        for (String kind : new String[] {"Home", "Business", "Other"}) {
            String street = r.text(kind + " Street", kind + " Address");
            String city = r.text(kind + " City");
            String state = r.text(kind + " State");
            if (street != null || city != null || state != null) {
                return new Address(null, null, ContactValues.countryCode(r.text(kind + " Country/Region", kind + " Country")),
                        state, city, null, street == null ? null : street.replace('\n', ' '), r.text(kind + " Postal Code"));
            }
        }
        return Address.NONE;
    }
}
