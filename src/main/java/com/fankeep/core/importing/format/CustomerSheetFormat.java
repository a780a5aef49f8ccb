package com.fankeep.core.importing.format;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An owner's own customer list (EXPORT-FORMATS.md §12), CSV or Excel, recognised by the usual column names in
 * Chinese or English: 姓名/名字/客户, 电话/手机/手机号/联系电话, 微信/微信号, QQ/QQ号, 地址/收货地址, 备注,
 * 最后购买/最近购买/上次购买, 生日, 昵称/旺旺/淘宝昵称 (Taobao nicknames), 邮箱, 省份, 城市 … (case, spaces, _ - : and
 * a bracketed remark such as 电话(必填) do not matter).
 *
 * <p>It is a customer list when a name or phone column and at least one more known column are present, and no
 * column is an order number (an order export is not a customer list). The header may sit below title rows. Its
 * score stays below any platform format's (10 and up), so a platform export is never taken for a hand-made list.
 */
public final class CustomerSheetFormat implements ExportFormat {

    static final int MAX_SCORE = 9;

    private static final Map<String, ContactField> SYNONYMS = new HashMap<>();
    private static final Set<ContactField.Kind> ONE_COLUMN = Set.of(ContactField.Kind.NAME, ContactField.Kind.WECHAT,
            ContactField.Kind.QQ, ContactField.Kind.ADDRESS, ContactField.Kind.PROVINCE, ContactField.Kind.CITY,
            ContactField.Kind.BIRTHDAY, ContactField.Kind.REFERRED_BY);
    private static final Set<String> ORDER_COLUMNS = Set.of("订单号", "订单编号", "主订单编号", "子订单编号", "订单id", "orderid",
            "ordernumber", "orderno", "order", "financialstatus", "salesrecordnumber");

    static {
        add(ContactField.NAME, "姓名", "名字", "客户", "客户名", "客户名称", "客户姓名", "顾客", "顾客姓名", "联系人", "收货人", "收件人",
                "收货人姓名", "称呼", "name", "fullname", "customer", "customername", "contact", "contactname");
        add(ContactField.PHONE, "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式", "联系手机", "手机电话", "电话手机",
                "座机", "mobile", "phone", "tel", "telephone", "cell", "cellphone", "phonenumber", "mobilephone", "mobilenumber");
        add(ContactField.WECHAT, "微信", "微信号", "微信id", "wechat", "wechatid", "weixin", "wx");
        add(ContactField.QQ, "qq", "qq号", "qq号码");
        add(ContactField.ADDRESS, "地址", "收货地址", "详细地址", "住址", "家庭地址", "邮寄地址", "联系地址", "通讯地址", "address",
                "shippingaddress");
        add(ContactField.PROVINCE, "省", "省份", "province");
        add(ContactField.CITY, "城市", "市", "所在城市", "city");
        add(ContactField.NOTE, "备注", "说明", "备忘", "备注信息", "note", "notes", "remark", "remarks", "comment", "comments");
        add(ContactField.LAST_PURCHASE, "最后购买", "最近购买", "上次购买", "最后购买时间", "最近购买时间", "上次购买时间", "最后购买日期",
                "最近购买日期", "上次购买日期", "最后下单", "最近下单", "最后下单时间", "最近下单时间", "最后消费", "最近消费", "上次消费时间",
                "最后一次购买", "lastpurchase", "lastpurchasedate", "lastorder", "lastorderdate");
        add(ContactField.BIRTHDAY, "生日", "出生日期", "生日日期", "出生年月日", "birthday", "birthdate", "dateofbirth", "dob");
        add(ContactField.nickname("taobao"), "昵称", "旺旺", "旺旺号", "旺旺名", "淘宝昵称", "淘宝id", "淘宝账号", "淘宝名", "淘宝会员名",
                "买家昵称", "买家会员名", "会员名", "nickname");
        add(ContactField.nickname("douyin"), "抖音", "抖音号", "抖音昵称");
        // the owner's own words for who brought a customer (a hand-made list, §12), not a platform's header
        add(ContactField.REFERRED_BY, "推荐人", "介绍人", "referredby", "referrer");
        add(ContactField.EMAIL, "邮箱", "电子邮箱", "邮件", "电子邮件", "email", "emailaddress", "mail");
    }

    private static void add(ContactField field, String... names) {
        for (String n : names) {
            SYNONYMS.put(n, field);
        }
    }

    @Override
    public String id() {
        return "customer_sheet";
    }

    @Override
    public int score(Header header) {
        Map<Integer, ContactField> columns = columns(header);
        if (columns == null || columns.size() < 2 || !columns.containsValue(ContactField.NAME) && !columns.containsValue(ContactField.PHONE)) {
            return 0;
        }
        return Math.min(MAX_SCORE, columns.size());
    }

    @Override
    public FormatReader reader(Header header, FormatContext context) {
        return new ContactSheetReader(header, columns(header), context);
    }

    /** The field a column of this name usually holds (姓名 → name, 旺旺 → nickname:taobao …), for suggesting a mapping. */
    public static java.util.Optional<ContactField> fieldFor(String headerName) {
        return java.util.Optional.ofNullable(SYNONYMS.get(key(headerName)));
    }

    /** Column → field for the columns this format knows; null when a column says this is an order export. */
    static Map<Integer, ContactField> columns(Header header) {
        Map<Integer, ContactField> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = key(header.name(i));
            if (ORDER_COLUMNS.contains(key)) {
                return null;
            }
            ContactField f = SYNONYMS.get(key);
            if (f != null && !(ONE_COLUMN.contains(f.kind()) && out.containsValue(f))) {
                out.put(i, f);
            }
        }
        return out;
    }

    /** 「电话(必填)」, 「E-mail」, 「QQ 号」, 「手机/电话」 → 电话, email, qq号, 手机电话. */
    static String key(String headerName) {
        String s = Header.normalize(headerName).toLowerCase(Locale.ROOT);
        int hash = s.indexOf('#');
        if (hash > 0 && s.substring(hash + 1).matches("\\d+")) {
            s = s.substring(0, hash); // a repeated name, numbered by Header
        }
        s = s.replaceAll("\\([^)]*\\)", "");
        return s.replaceAll("[\\s_\\-:*./、]", "");
    }
}
