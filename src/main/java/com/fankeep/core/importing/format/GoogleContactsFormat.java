package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.read.SheetRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Google Contacts CSV (EXPORT-FORMATS.md §11): the current export (First Name, Last Name, Phone 1 - Value …, UTF-8
 * with BOM) and the legacy "Google CSV" (Name, Given Name, Family Name, Phone 1 - Type …). Several values of one
 * field share a cell with " ::: " between them; as many Phone n / E-mail n / Address n groups as the data needs;
 * a birthday without a year is written --06-18. Labels (* myContacts, groups) are not kept yet.
 */
public final class GoogleContactsFormat implements ExportFormat {

    static final int MAX_GROUPS = 20;

    @Override
    public String id() {
        return "google_contacts";
    }

    @Override
    public int score(Header h) {
        boolean names = h.has("First Name", "Last Name") || h.has("Given Name", "Family Name");
        boolean groups = h.find("Phone 1 - Value", "E-mail 1 - Value") >= 0;
        if (!names || !groups) {
            return 0;
        }
        return 10 + h.count("Middle Name", "Nickname", "Birthday", "Notes", "Labels", "Group Membership", "Phone 1 - Label",
                "Phone 1 - Type", "E-mail 1 - Label", "Address 1 - Formatted", "Address 1 - Street", "Organization Name",
                "Phonetic First Name", "File As", "Name Prefix");
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.MONTH_FIRST);
        return new FormatReader() {
            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                String name = r.text("Name");
                if (name == null) {
                    name = ContactValues.personName(r.text("First Name", "Given Name"), r.text("Middle Name", "Additional Name"),
                            r.text("Last Name", "Family Name"));
                }
                List<String> phones = new ArrayList<>();
                List<String> emails = new ArrayList<>();
                for (int n = 1; n <= MAX_GROUPS; n++) {
                    for (String v : ContactValues.values(r.text("Phone " + n + " - Value"))) {
                        phones.addAll(ContactValues.phones(v));
                    }
                    emails.addAll(ContactValues.values(r.text("E-mail " + n + " - Value")));
                }
                Address address = address(r);
                String notes = r.text("Notes");
                NoteAccounts.Found found = NoteAccounts.find(notes);
                DateParser.Birthday birthday = r.birthday("Birthday");
                String nickname = r.text("Nickname");
                String org = r.text("Organization Name", "Organization 1 - Name");
                sink.item(new ImportedContact(name, found.nicknames(), phones, emails, found.wechat(), found.qq(), address,
                        birthday, ContactValues.note(notes, nickname == null ? null : "昵称：" + nickname,
                        org == null ? null : "单位：" + org), null, null, r.source()));
            }

            @Override
            public void finish(ItemSink sink) {
                // one row per contact
            }
        };
    }

    /** The first Address n group with anything in it; the formatted text when the parts are empty. */
    private static Address address(RowReader r) {
        for (int n = 1; n <= MAX_GROUPS; n++) {
            String p = "Address " + n + " - ";
            String street = ContactValues.note(r.text(p + "Street"), r.text(p + "Extended Address"), r.text(p + "PO Box"));
            String city = r.text(p + "City");
            String region = r.text(p + "Region");
            String zip = r.text(p + "Postal Code");
            String country = r.text(p + "Country");
            if (street == null && city == null && region == null) {
                String formatted = r.text(p + "Formatted");
                if (formatted == null) {
                    continue;
                }
                street = formatted;
            }
            return new Address(null, null, ContactValues.countryCode(country), region, city, null,
                    street == null ? null : street.replace('\n', ' '), zip);
        }
        return Address.NONE;
    }
}
