package com.fankeep.core.export;

import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.PersonalDataMask;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the CSV and XLSX exports and each row's typed cells: text (String), counts (Integer), money
 * (BigDecimal), days (LocalDate). Phones stay text; masking applies here, before any writer sees the row.
 */
final class SheetColumns {

    static final List<String> KEYS = List.of("id", "name", "gender", "phones", "wechat", "qq", "email", "province", "city",
            "address", "tags", "orders", "currency", "netSpend", "firstOrder", "lastOrder", "lastItem", "recoveryState", "tier", "note");
    static final int PHONES = KEYS.indexOf("phones");

    private final boolean maskPhones;
    private final boolean maskAddresses;
    private final ZoneId zone;

    SheetColumns(boolean maskPhones, boolean maskAddresses, ZoneId zone) {
        this.maskPhones = maskPhones;
        this.maskAddresses = maskAddresses;
        this.zone = zone;
    }

    static List<String> headers(Messages m) {
        return KEYS.stream().map(k -> m.get("export.column." + k)).toList();
    }

    List<Object> cells(ExportRow r) {
        List<Object> out = new ArrayList<>(KEYS.size());
        out.add(r.id());
        out.add(r.name());
        out.add(r.gender());
        out.add(join(maskPhones ? r.phones().stream().map(SheetColumns::maskPhone).toList() : r.phones()));
        out.add(join(r.wechat()));
        out.add(join(r.qq()));
        out.add(join(maskPhones ? r.email().stream().map(PersonalDataMask::mask).toList() : r.email()));
        out.add(r.province());
        out.add(r.city());
        out.add(join(maskAddresses ? r.addresses().stream().map(SheetColumns::maskAddress).toList() : r.addresses()));
        out.add(join(r.tags()));
        out.add(r.orderCount());
        out.add(r.currency());
        out.add(r.netSpend());
        out.add(day(r.firstOrderAt()));
        out.add(day(r.lastOrderAt()));
        out.add(r.lastItem());
        out.add(r.recoveryState());
        out.add(r.tier());
        out.add(r.note());
        return out;
    }

    /** 138****8000 for a Chinese mobile (its country code is not part of what people recognise), else the general mask. */
    static String maskPhone(String phone) {
        return PersonalDataMask.maskPhone(phone.startsWith("+86") ? phone.substring(3) : phone);
    }

    /** Keeps the first six characters (province and city, mostly) and hides the rest. */
    static String maskAddress(String address) {
        int keep = Math.min(6, address.codePointCount(0, address.length()));
        return address.substring(0, address.offsetByCodePoints(0, keep)) + "****";
    }

    private LocalDate day(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(zone).toLocalDate();
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(" / ", values);
    }
}
