package com.fankeep.core.campaign;

import com.fankeep.core.importing.read.SheetRow;
import com.fankeep.core.importing.read.TableReader;
import com.fankeep.core.importing.read.TableReaders;
import com.fankeep.core.importing.read.UnreadableFileException;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.PersonalDataMask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches a courier's file to the entries still to ship: by our reference when the file kept it, else by the
 * receiver's phone, else by receiver name + address. Header names are the couriers' (SF, KY, the usual tracking-number
 * spellings of FAN-FEATURES §3) and our generic layout's in both languages.
 */
final class TrackingMatcher {

    record Hit(CampaignEntry entry, String trackingNo, String carrier) {
    }

    record Matched(List<Hit> hits, List<String> unmatched) {
    }

    private static final List<String> TRACKING = List.of("运单号", "运单号码", "快递单号", "工作单号", "物流单号", "详情单号", "运送单号码",
            "物流订单号(唯一标识)", "单号");
    private static final List<String> REFERENCE = List.of("用户订单号", "寄件备注", "寄方客户备注");
    private static final List<String> PHONE = List.of("手机号码", "收件手机", "收件人手机", "收件人电话", "联系电话", "手机", "电话");
    private static final List<String> NAME = List.of("联系人", "收件人", "收件人姓名");
    private static final List<String> ADDRESS = List.of("收件详细地址", "收件地址", "收件人地址", "详细地址");
    private static final List<String> CARRIER = List.of("物流公司", "快递公司");
    /** Rows looked at for the header (an SF copy has a merged title row above it). */
    private static final int HEADER_SEARCH = 5;

    private TrackingMatcher() {
    }

    static Matched match(Path file, List<CampaignEntry> open) throws IOException {
        try (TableReader reader = TableReaders.open(file, null)) {
            Columns cols = null;
            SheetRow row;
            int looked = 0;
            while (cols == null && (row = reader.next()) != null && looked++ < HEADER_SEARCH) {
                cols = Columns.of(row.cells());
            }
            if (cols == null) {
                throw new CampaignException("campaign.error.noTrackingColumn", "no tracking-number column in " + file.getFileName(),
                        file.getFileName().toString());
            }
            Map<String, CampaignEntry> byRef = new HashMap<>();
            Map<String, List<CampaignEntry>> byPhone = new HashMap<>();
            for (CampaignEntry e : open) {
                byRef.put(ShippingLayout.reference(e.campaignId(), e.id()), e);
                String p = phone(e.address().phone());
                if (p != null) {
                    byPhone.computeIfAbsent(p, k -> new ArrayList<>()).add(e);
                }
            }
            Set<Long> used = new HashSet<>();
            List<Hit> hits = new ArrayList<>();
            List<String> unmatched = new ArrayList<>();
            while ((row = reader.next()) != null) {
                if (row.isBlank()) {
                    continue;
                }
                String tracking = clean(row.cell(cols.tracking));
                if (tracking == null) {
                    continue; // a row the courier has not shipped yet
                }
                CampaignEntry e = find(row, cols, byRef, byPhone, open, used);
                if (e == null) {
                    unmatched.add(row.number() + ": " + nz(clean(row.cell(cols.name))) + " "
                            + PersonalDataMask.maskPhone(nz(clean(row.cell(cols.phone)))) + " " + tracking);
                } else {
                    used.add(e.id());
                    hits.add(new Hit(e, tracking, clean(row.cell(cols.carrier))));
                }
            }
            return new Matched(hits, unmatched);
        } catch (UnreadableFileException e) {
            throw new CampaignException("campaign.error.unreadable", "cannot read " + file.getFileName(), file.getFileName().toString());
        }
    }

    private static CampaignEntry find(SheetRow row, Columns cols, Map<String, CampaignEntry> byRef,
                                      Map<String, List<CampaignEntry>> byPhone, List<CampaignEntry> open, Set<Long> used) {
        String ref = clean(row.cell(cols.reference));
        if (ref != null && byRef.containsKey(ref) && !used.contains(byRef.get(ref).id())) {
            return byRef.get(ref);
        }
        String phone = phone(clean(row.cell(cols.phone)));
        if (phone != null) {
            for (CampaignEntry e : byPhone.getOrDefault(phone, List.of())) {
                if (!used.contains(e.id())) {
                    return e;
                }
            }
        }
        String name = clean(row.cell(cols.name));
        String address = squash(clean(row.cell(cols.address)));
        if (name == null || address == null) {
            return null;
        }
        for (CampaignEntry e : open) {
            String detail = squash(e.address().detail());
            if (!used.contains(e.id()) && name.equals(clean(e.address().receiver())) && detail != null
                    && address.contains(detail)) {
                return e;
            }
        }
        return null;
    }

    /** Digits of a phone, without the +86; null when there are too few or it was masked. */
    static String phone(String raw) {
        if (raw == null || raw.contains("*")) {
            return null;
        }
        String d = raw.replaceAll("\\D", "");
        if (d.length() == 13 && d.startsWith("86")) {
            d = d.substring(2);
        }
        return d.length() >= 7 ? d : null;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.startsWith("'")) {
            t = t.substring(1).strip(); // a courier's "'运单号" and our own injection guard
        }
        return t.isEmpty() ? null : t;
    }

    private static String squash(String s) {
        return s == null ? null : s.replaceAll("\\s", "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Column positions; -1 when absent. Name and phone take the last of repeats (SF puts the sender block first). */
    private record Columns(int tracking, int reference, int phone, int name, int address, int carrier) {

        static Columns of(List<String> header) {
            List<String> h = header.stream().map(TrackingMatcher::clean).toList();
            Messages zh = Messages.of(Locale.SIMPLIFIED_CHINESE);
            Messages en = Messages.of(Locale.ENGLISH);
            int tracking = index(h, with(TRACKING, zh, en, "tracking"), false);
            if (tracking < 0) {
                return null;
            }
            return new Columns(tracking, index(h, with(REFERENCE, zh, en, "reference"), false),
                    index(h, with(PHONE, zh, en, "phone"), true), index(h, with(NAME, zh, en, "receiver"), true),
                    index(h, with(ADDRESS, zh, en, "address"), false), index(h, with(CARRIER, zh, en, "carrier"), false));
        }

        private static List<String> with(List<String> names, Messages zh, Messages en, String key) {
            List<String> all = new ArrayList<>(List.of(zh.get("campaign.shipping." + key), en.get("campaign.shipping." + key)));
            all.addAll(names);
            return all;
        }

        /** The first alias found (aliases in order of preference), its first or last column. */
        private static int index(List<String> header, List<String> aliases, boolean last) {
            for (String a : aliases) {
                int i = last ? header.lastIndexOf(a) : header.indexOf(a);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
