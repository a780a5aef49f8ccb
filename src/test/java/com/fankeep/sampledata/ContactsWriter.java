package com.fankeep.sampledata;

import static com.fankeep.sampledata.People.Phones.*;

import com.fankeep.sampledata.People.Address;
import com.fankeep.sampledata.People.Person;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Address-book files (EXPORT-FORMATS.md §11): an Android-style vCard 2.1 (quoted-printable UTF-8 with
 * {@code =} soft line breaks), an iPhone-style vCard 3.0 (raw UTF-8, {@code item1.TEL} grouping,
 * 75-octet folding), a Google Contacts CSV (UTF-8 with BOM, {@code " ::: "} between values) and an
 * Outlook CSV (61 columns, GBK as written by zh-CN Windows). vCards use CRLF as the RFCs require.
 */
final class ContactsWriter {

    static final String VCARD21_FILE = "android_contacts_vcard21.vcf";
    static final String VCARD30_FILE = "iphone_contacts_vcard30.vcf";
    static final String GOOGLE_FILE = "google_contacts.csv";
    static final String OUTLOOK_FILE = "outlook_contacts.csv";

    static final String CRLF = "\r\n";

    static void write(Path dir) throws IOException {
        Path out = dir.resolve("contacts");
        Csv.writeText(out.resolve(VCARD21_FILE), vcard21(), StandardCharsets.UTF_8, false);
        Csv.writeText(out.resolve(VCARD30_FILE), vcard30(), StandardCharsets.UTF_8, false);
        google().write(out.resolve(GOOGLE_FILE), StandardCharsets.UTF_8, true);
        outlook().write(out.resolve(OUTLOOK_FILE), Charset.forName("GBK"), false);
    }

    // ---------------------------------------------------------------- vCard 2.1 (Android)

    /**
     * Quoted-printable as Android's VCardBuilder writes it: every byte of the UTF-8 value as {@code =XX},
     * a soft line break {@code =\r\n} after every 67 encoded characters; {@code ;} separators stay raw.
     */
    static String qp(String value) {
        StringBuilder sb = new StringBuilder();
        int lineCount = 0;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (lineCount >= 67) {
                sb.append("=").append(CRLF);
                lineCount = 0;
            }
            if (b == ';') {
                sb.append(';');
                lineCount += 1;
            } else {
                sb.append(String.format("=%02X", b & 0xFF));
                lineCount += 3;
            }
        }
        return sb.toString();
    }

    static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** {@code NAME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:…} when needed, else {@code NAME:value}. */
    static String prop21(String name, String value) {
        if (ascii(value)) {
            return name + ":" + value + CRLF;
        }
        return name + ";CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:" + qp(value) + CRLF;
    }

    static String family(Person p) {
        return p.name().substring(0, 1);
    }

    static String given(Person p) {
        return p.name().substring(1);
    }

    static String vcard21() {
        StringBuilder sb = new StringBuilder();
        record Card(String key, List<String> tels, String note, boolean withAddress) {}
        List<Card> cards = List.of(
                new Card("C01", List.of("CELL:13800138000"), "淘宝 zhangwei1988 微信 zw_1988 老客户，买过三次茶具", true),
                new Card("C02", List.of("CELL:" + plus86("13800138001")), "", false),
                new Card("C08", List.of("CELL:" + dashed("13800138007"), "WORK:13800138107"), "敏敏sunny", false),
                new Card("C31", List.of("CELL:13800138030"), "微信 xuqing_1990", false),
                new Card("C14", List.of("CELL:" + e164("13800138013")), "", true),
                new Card("C29", List.of("CELL:" + spaced("13800138028")), "名字是堃", false),
                new Card("C35", List.of("CELL:+14155550134"), "Etsy emilycarterart", false));
        for (Card c : cards) {
            Person p = People.get(c.key());
            sb.append("BEGIN:VCARD").append(CRLF).append("VERSION:2.1").append(CRLF);
            if (p.mobile() != null) {
                sb.append(prop21("N", family(p) + ";" + given(p) + ";;;"));
            } else {
                sb.append(prop21("N", p.lastEn() + ";" + p.firstEn() + ";;;"));
            }
            sb.append(prop21("FN", p.name()));
            for (String tel : c.tels()) {
                sb.append("TEL;").append(tel).append(CRLF);
            }
            if (p.email() != null) {
                sb.append("EMAIL;HOME:").append(p.email()).append(CRLF);
            }
            if (c.withAddress()) {
                Address a = p.home();
                sb.append(prop21("ADR;HOME", ";;" + a.district() + a.street() + ";" + a.city() + ";" + a.province()
                        + ";" + a.zip() + ";中国"));
            }
            if (!c.note().isEmpty()) {
                sb.append(prop21("NOTE", c.note()));
            }
            sb.append("END:VCARD").append(CRLF);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- vCard 3.0 (iPhone)

    /** Folds a content line at 75 octets (CRLF + space), never inside a UTF-8 character. */
    static String fold(String line) {
        StringBuilder sb = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > 75) {
                sb.append(CRLF).append(' ');
                octets = 1;
            }
            sb.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        return sb.append(CRLF).toString();
    }

    /** vCard 3.0 text escaping: backslash, comma, semicolon, newline. */
    static String esc(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n");
    }

    static String vcard30() {
        StringBuilder sb = new StringBuilder();
        // 林晓雨: whole CJK name in the given-name slot, grouped TEL with a Chinese label, a Canadian second number
        Person lin = People.get("C06");
        begin30(sb);
        sb.append(fold("N:;" + lin.name() + ";;;")).append(fold("FN:" + lin.name()));
        sb.append(fold("item1.TEL;type=pref:" + plus86(lin.mobile()))).append(fold("item1.X-ABLabel:移动电话"));
        sb.append(fold("TEL;type=CELL;type=VOICE:+1 (604) 555-0123"));
        sb.append(fold("EMAIL;type=INTERNET;type=HOME;type=pref:" + lin.email()));
        Address la = lin.home();
        sb.append(fold("item2.ADR;type=HOME;type=pref:;;" + esc(la.district() + la.street()) + ";" + la.city() + ";"
                + la.province() + ";" + la.zip() + ";中国")).append(fold("item2.X-ABADR:cn"));
        sb.append(fold("NOTE:" + esc("在温哥华读书，东西一般寄到厦门父母家。\n淘宝 xiaoyu_lin, 微信 linxy_van; 2022年双十一买过三件")));
        sb.append("END:VCARD").append(CRLF);

        // 李娜: structured N, ORG, a plain TEL with Apple's type list
        Person li = People.get("C03");
        begin30(sb);
        sb.append(fold("N:" + family(li) + ";" + given(li) + ";;;")).append(fold("FN:" + li.name()));
        sb.append(fold("ORG:娜娜小铺;"));
        sb.append(fold("TEL;type=CELL;type=VOICE;type=pref:" + spaced(li.mobile())));
        sb.append(fold("EMAIL;type=INTERNET;type=HOME;type=pref:" + li.email()));
        sb.append("END:VCARD").append(CRLF);

        // 陈静: given-slot name again, +86 with dashes in a grouped TEL
        Person chen = People.get("C05");
        begin30(sb);
        sb.append(fold("N:;" + chen.name() + ";;;")).append(fold("FN:" + chen.name()));
        sb.append(fold("item1.TEL;type=pref:+86 " + dashed(chen.mobile()))).append(fold("item1.X-ABLabel:_$!<Mobile>!$_"));
        sb.append("END:VCARD").append(CRLF);

        // 周婷: bare number
        Person zhou = People.get("C10");
        begin30(sb);
        sb.append(fold("N:" + family(zhou) + ";" + given(zhou) + ";;;")).append(fold("FN:" + zhou.name()));
        sb.append(fold("TEL;type=CELL;type=VOICE;type=pref:" + zhou.mobile()));
        sb.append(fold("BDAY:1995-02-14"));
        sb.append("END:VCARD").append(CRLF);

        // 陈美玲 in Sydney and Olivia Brown in Toronto: overseas numbers as the phone shows them
        Person mei = People.get("C38");
        begin30(sb);
        sb.append(fold("N:;" + mei.name() + ";;;")).append(fold("FN:" + mei.name()));
        sb.append(fold("item1.TEL;type=pref:" + mei.intlPhone())).append(fold("item1.X-ABLabel:手机"));
        sb.append(fold("EMAIL;type=INTERNET;type=HOME;type=pref:" + mei.email()));
        sb.append(fold("NOTE:微信 meiling_syd"));
        sb.append("END:VCARD").append(CRLF);

        Person olivia = People.get("C39");
        begin30(sb);
        sb.append(fold("N:" + olivia.lastEn() + ";" + olivia.firstEn() + ";;;")).append(fold("FN:" + olivia.fullEn()));
        sb.append(fold("TEL;type=CELL;type=VOICE;type=pref:(416) 555-0199"));
        sb.append("END:VCARD").append(CRLF);

        // 苏小冉: a name and a grouped TEL only
        Person su = People.get("C32");
        begin30(sb);
        sb.append(fold("N:;" + su.name() + ";;;")).append(fold("FN:" + su.name()));
        sb.append(fold("item1.TEL:" + su.mobile())).append(fold("item1.X-ABLabel:微信号同手机"));
        sb.append("END:VCARD").append(CRLF);
        return sb.toString();
    }

    private static void begin30(StringBuilder sb) {
        sb.append("BEGIN:VCARD").append(CRLF).append("VERSION:3.0").append(CRLF)
                .append("PRODID:-//Apple Inc.//iPhone OS 17.4//EN").append(CRLF);
    }

    // ---------------------------------------------------------------- Google Contacts CSV

    static final List<String> GOOGLE_HEADER = List.of("First Name", "Middle Name", "Last Name", "Phonetic First Name",
            "Phonetic Middle Name", "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
            "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes", "Photo",
            "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label",
            "Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
            "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
            "Address 1 - Extended Address");

    static Csv google() {
        Csv csv = new Csv(Csv.LF).header(GOOGLE_HEADER);
        List<Map<String, String>> rows = new ArrayList<>();

        Person liu = People.get("C04");
        Map<String, String> r = cjkName(liu);
        r.put("Labels", "* myContacts ::: 老客户");
        r.put("Phone 1 - Label", "Mobile");
        r.put("Phone 1 - Value", "+86 " + dashed(liu.mobile()) + " ::: 138 0013 8103");
        r.put("Notes", "淘宝 liuyang_hz，杭州同城");
        rows.add(r);

        Person huang = People.get("C09");
        r = cjkName(huang);
        r.put("Labels", "* myContacts ::: 老客户");
        r.put("Phone 1 - Label", "Mobile");
        r.put("Phone 1 - Value", plus86(huang.mobile()));
        r.put("Notes", "西安 淘宝 huanglei_xa\n买过茶壶和杯子");
        rows.add(r);

        Person he = People.get("C18");
        r = cjkName(he);
        r.put("Labels", "* myContacts");
        r.put("Phone 1 - Label", "Mobile");
        r.put("Phone 1 - Value", dashed(he.mobile()));
        r.put("Phone 2 - Label", "Work");
        r.put("Phone 2 - Value", "+86 138 0013 8117");
        rows.add(r);

        Person han = People.get("C24");
        r = cjkName(han);
        r.put("Labels", "* myContacts ::: 老客户 ::: QQ群");
        r.put("Phone 1 - Label", "Mobile");
        r.put("Phone 1 - Value", han.mobile());
        r.put("Notes", "微信 hanmei_dl QQ 10001024");
        rows.add(r);

        Person ye = People.get("C33");
        r = cjkName(ye);
        r.put("Nickname", "豪哥");
        r.put("Birthday", "--06-18");
        r.put("Labels", "* myContacts");
        r.put("Phone 1 - Label", "Mobile");
        r.put("Phone 1 - Value", "+86 " + ye.mobile());
        rows.add(r);

        Person james = People.get("C36");
        r = new LinkedHashMap<>();
        r.put("First Name", james.firstEn());
        r.put("Last Name", james.lastEn());
        r.put("Labels", "* myContacts ::: Etsy");
        r.put("E-mail 1 - Label", "* Home");
        r.put("E-mail 1 - Value", james.email());
        r.put("Phone 1 - Label", "Mobile");
        r.put("Phone 1 - Value", james.intlPhone());
        Address ja = james.home();
        r.put("Address 1 - Label", "Home");
        r.put("Address 1 - Formatted", ja.street() + "\nLondon " + ja.zip() + "\nUnited Kingdom");
        r.put("Address 1 - Street", ja.street());
        r.put("Address 1 - City", ja.city());
        r.put("Address 1 - Postal Code", ja.zip());
        r.put("Address 1 - Country", ja.country());
        rows.add(r);

        for (Map<String, String> row : rows) {
            csv.row(GOOGLE_HEADER.stream().map(h -> row.getOrDefault(h, "")).toList());
        }
        return csv;
    }

    private static Map<String, String> cjkName(Person p) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("First Name", given(p));
        r.put("Last Name", family(p));
        r.put("Phonetic First Name", p.firstEn());
        r.put("Phonetic Last Name", p.lastEn());
        return r;
    }

    // ---------------------------------------------------------------- Outlook CSV

    static final List<String> OUTLOOK_HEADER = List.of("First Name", "Middle Name", "Last Name", "Title", "Suffix",
            "Nickname", "Given Yomi", "Surname Yomi", "E-mail Address", "E-mail 2 Address", "E-mail 3 Address",
            "Home Phone", "Home Phone 2", "Business Phone", "Business Phone 2", "Mobile Phone", "Car Phone",
            "Other Phone", "Primary Phone", "Pager", "Business Fax", "Home Fax", "Other Fax", "Company Main Phone",
            "Callback", "Radio Phone", "Telex", "TTY/TDD Phone", "IMAddress", "Job Title", "Department", "Company",
            "Office Location", "Manager's Name", "Assistant's Name", "Assistant's Phone", "Company Yomi",
            "Business Street", "Business City", "Business State", "Business Postal Code", "Business Country/Region",
            "Home Street", "Home City", "Home State", "Home Postal Code", "Home Country/Region", "Other Street",
            "Other City", "Other State", "Other Postal Code", "Other Country/Region", "Personal Web Page", "Spouse",
            "Schools", "Hobby", "Location", "Web Page", "Birthday", "Anniversary", "Notes");

    static Csv outlook() {
        Csv csv = new Csv(Csv.CRLF).header(OUTLOOK_HEADER);
        record Entry(String key, String field, String phone, String birthday, String note, String company) {}
        List<Entry> entries = List.of(
                new Entry("C14", "Mobile Phone", spaced("13800138013"), "", "天津 淘宝 machao_tj", ""),
                new Entry("C29", "Mobile Phone", "(+86) " + dashed("13800138028"), "1990/12/1", "无锡 淘宝 taokun_wx", ""),
                new Entry("C20", "Mobile Phone", "13800138019", "", "有赞下过单，退过款", ""),
                new Entry("C25", "Business Phone", plus86("13800138024"), "", "京东取消过一单", "贵阳示例茶舍"),
                new Entry("C23", "Mobile Phone", dashed("13800138022"), "1991/5/4", "", ""));
        for (Entry e : entries) {
            Person p = People.get(e.key());
            Address a = p.home();
            Map<String, String> r = new LinkedHashMap<>();
            r.put("First Name", given(p));
            r.put("Last Name", family(p));
            r.put("E-mail Address", p.email() == null ? "" : p.email());
            r.put(e.field(), e.phone());
            r.put("Company", e.company());
            r.put("Home Street", a.district() + a.street());
            r.put("Home City", a.city());
            r.put("Home State", a.province());
            r.put("Home Postal Code", a.zip());
            r.put("Home Country/Region", "中国");
            r.put("Birthday", e.birthday());
            r.put("Notes", e.note());
            csv.row(OUTLOOK_HEADER.stream().map(h -> r.getOrDefault(h, "")).toList());
        }
        return csv;
    }

    private ContactsWriter() {}
}
