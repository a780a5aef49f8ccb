package com.fankeep.core.importing.format;

import com.fankeep.core.importing.DateParser;
import com.fankeep.core.importing.ParseException;
import com.fankeep.core.importing.model.Address;
import com.fankeep.core.importing.model.ImportedContact;
import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.shared.CellText;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the rows of a customer list into contacts, given what each column holds (found from the header by
 * {@link CustomerSheetFormat}, or chosen by the owner in a column mapping). One row is one person.
 *
 * <ul>
 *   <li>Several phone cells and several numbers in one cell all become phones; see {@link ContactValues#phones}.</li>
 *   <li>Birthdays may lack the year (3月5日); a date that cannot be read (去年双十一) is a warning naming the row and
 *       column, and the person is still imported without it.</li>
 *   <li>A note may carry accounts ({@code 淘宝：喆喆爱购物}); see {@link NoteAccounts}. A WeChat/QQ column wins over
 *       the note.</li>
 *   <li>A row holding one decorated cell and nothing else ({@code —— 以下是微信上加的老客户 ——}) is a section title
 *       and is skipped.</li>
 * </ul>
 */
public final class ContactSheetReader implements FormatReader {

    private static final Pattern DECORATION = Pattern.compile(".*([—\\-=*#~【】\\[\\]<>《》:：]|以下|以上|名单|客户).*");

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{5}");

    private final Header header;
    private final Map<Integer, ContactField> columns;
    private final RowReader r;
    private final DateParser dates;

    /** @param columns column index → what it holds (columns not listed are ignored) */
    public ContactSheetReader(Header header, Map<Integer, ContactField> columns, FormatContext context) {
        this.header = header;
        this.columns = new TreeMap<>(columns);
        this.r = new RowReader(header, context, DateParser.DayOrder.YEAR_FIRST);
        this.dates = new DateParser(context.zone(), DateParser.DayOrder.YEAR_FIRST);
    }

    @Override
    public void accept(SheetRow row, ItemSink sink) {
        r.at(row, sink);
        if (isSectionTitle(row)) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> nicknames = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String wechat = null;
        String qq = null;
        String address = null;
        String province = null;
        String city = null;
        DateParser.Birthday birthday = null;
        OffsetDateTime lastPurchase = null;
        String referrer = null;
        for (Map.Entry<Integer, ContactField> e : columns.entrySet()) {
            int col = e.getKey();
            String value = CellText.cleanOrNull(row.cell(col));
            if (value == null) {
                continue;
            }
            ContactField field = e.getValue();
            switch (field.kind()) {
                case NAME -> names.add(value);
                case PHONE -> phones.addAll(ContactValues.phones(value));
                case EMAIL -> emails.addAll(ContactValues.values(value));
                case WECHAT -> wechat = wechat == null ? value : wechat;
                case QQ -> qq = qq == null ? value : qq;
                case ADDRESS -> address = address == null ? value : address + " " + value;
                case PROVINCE -> province = province == null ? value : province;
                case CITY -> city = city == null ? value : city;
                case NOTE -> notes.add(value);
                case REFERRED_BY -> referrer = referrer == null ? value : referrer;
                case NICKNAME -> {
                    String nick = field.platform() + ":" + value;
                    if (!nicknames.contains(nick)) {
                        nicknames.add(nick);
                    }
                }
                case BIRTHDAY -> {
                    if (birthday == null) {
                        try {
                            birthday = ContactValues.birthday(value, dates);
                        } catch (ParseException ex) {
                            r.problem(col, ex.code(), ex.getMessage(), true);
                        }
                    }
                }
                case LAST_PURCHASE -> {
                    try {
                        OffsetDateTime t = dates.parse(value);
                        if (t != null && (lastPurchase == null || t.isAfter(lastPurchase))) {
                            lastPurchase = t;
                        }
                    } catch (ParseException ex) {
                        r.problem(col, ex.code(), ex.getMessage(), true);
                    }
                }
                case IGNORE -> {
                    // the owner said so
                }
            }
        }
        String note = notes.isEmpty() ? null : String.join("\n", notes);
        NoteAccounts.Found found = NoteAccounts.find(note);
        for (String nick : found.nicknames()) {
            if (!nicknames.contains(nick)) {
                nicknames.add(nick);
            }
        }
        if (wechat == null) {
            wechat = found.wechat();
        }
        if (qq == null) {
            qq = found.qq();
        }
        Address parsed = ChineseAddress.parse(address, null, null);
        Address where = new Address(null, null, parsed.country(), province != null ? province : parsed.province(),
                city != null ? city : parsed.city(), parsed.district(), parsed.street(), parsed.zip());
        String name = ContactValues.joinName(names);
        if (name == null && phones.isEmpty() && emails.isEmpty() && nicknames.isEmpty() && wechat == null && qq == null
                && where.oneLine() == null) {
            return; // a row of remarks or dates only: nobody to import
        }
        sink.item(new ImportedContact(name, nicknames, phones, emails, wechat, qq, where, birthday, note, lastPurchase,
                null, r.source(), referrer));
    }

    @Override
    public void finish(ItemSink sink) {
        // one row per person: nothing pending
    }

    /** One decorated cell alone on its row: 「—— 以下是微信上加的老客户 ——」, 「2023 新客户」. */
    private boolean isSectionTitle(SheetRow row) {
        String only = null;
        for (String c : row.cells()) {
            String v = CellText.cleanOrNull(c);
            if (v != null) {
                if (only != null) {
                    return false;
                }
                only = v;
            }
        }
        return only != null && header.size() > 1 && !LONG_NUMBER.matcher(only).find()
                && (DECORATION.matcher(only).matches() || only.length() > 12);
    }
}
