package com.fankeep.core.importing.format;

import static com.fankeep.core.importing.read.VCardTableReader.*;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.read.SheetRow;
import java.util.ArrayList;
import java.util.List;

/**
 * A phone's address book as a vCard file (EXPORT-FORMATS.md §11: Android 2.1, iPhone 3.0, 4.0), read by
 * {@code VCardTableReader} into one row per card under its fixed header. The name is FN, else N (family + given);
 * every TEL and EMAIL is kept; the preferred (else first) ADR; BDAY with or without a year; accounts written in the
 * NOTE ({@link NoteAccounts}); NICKNAME and ORG are added to the note. A card the reader found broken (no END:VCARD)
 * is imported and reported as a warning at its BEGIN line.
 */
public final class VCardFormat implements ExportFormat {

    @Override
    public String id() {
        return "vcard";
    }

    @Override
    public int score(Header header) {
        return header.has(FN, N_FAMILY, N_GIVEN, TEL, EMAIL, PROBLEM) ? 100 : 0;
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        RowReader r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        return new FormatReader() {
            @Override
            public void accept(SheetRow row, ItemSink sink) {
                r.at(row, sink);
                for (String problem : ContactValues.values(r.text(PROBLEM))) {
                    r.problem(-1, "broken_vcard", problem, true);
                }
                String name = r.text(FN);
                if (name == null) {
                    name = ContactValues.personName(r.text(N_GIVEN), r.text(N_MIDDLE), r.text(N_FAMILY));
                }
                List<String> phones = new ArrayList<>();
                for (String tel : ContactValues.values(r.text(TEL))) {
                    phones.addAll(ContactValues.phones(tel));
                }
                String note = r.text(NOTE);
                NoteAccounts.Found found = NoteAccounts.find(note);
                String wechat = r.text(WECHAT);
                String qq = r.text(QQ);
                DateParser.Birthday birthday = r.birthday(BDAY);
                String nickname = r.text(NICKNAME);
                String org = r.text(ORG);
                Address address = new Address(null, null, ContactValues.countryCode(r.text(ADR_COUNTRY)), r.text(ADR_REGION),
                        r.text(ADR_CITY), null, r.text(ADR_STREET), r.text(ADR_POSTCODE));
                sink.item(new ImportedContact(name, found.nicknames(), phones, ContactValues.values(r.text(EMAIL)),
                        wechat != null ? wechat : found.wechat(), qq != null ? qq : found.qq(), address, birthday,
                        ContactValues.note(note, nickname == null ? null : "昵称：" + nickname, org == null ? null : "单位：" + org),
                        null, null, r.source()));
            }

            @Override
            public void finish(ItemSink sink) {
                // one row per card
            }
        };
    }
}
