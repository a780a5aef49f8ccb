package com.fankeep.core.importing.model;

import com.fankeep.core.importing.DateParser.Birthday;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person from a contact list or a hand-made customer sheet (no order): vCard, Google/Outlook CSV, old Excel.
 *
 * @param nicknames platform nicknames, e.g. "taobao:喆喆的小店"
 * @param referrer  who referred this person as the file names them (Youzan 分销员, a mapped "referred by" column), or null
 */
public record ImportedContact(String name, List<String> nicknames, List<String> phones, List<String> emails,
                              String wechat, String qq, Address address, Birthday birthday, String note,
                              OffsetDateTime lastPurchaseAt, String countryCode, SourceRef source, String referrer) implements ImportItem {

    public ImportedContact {
        nicknames = nicknames == null ? List.of() : List.copyOf(nicknames);
        phones = phones == null ? List.of() : List.copyOf(phones);
        emails = emails == null ? List.of() : List.copyOf(emails);
        address = address == null ? Address.NONE : address;
        referrer = referrer == null || referrer.isBlank() ? null : referrer.strip();
    }

    /** A contact whose file names no referrer (most formats). */
    public ImportedContact(String name, List<String> nicknames, List<String> phones, List<String> emails,
                           String wechat, String qq, Address address, Birthday birthday, String note,
                           OffsetDateTime lastPurchaseAt, String countryCode, SourceRef source) {
        this(name, nicknames, phones, emails, wechat, qq, address, birthday, note, lastPurchaseAt, countryCode, source, null);
    }
}
