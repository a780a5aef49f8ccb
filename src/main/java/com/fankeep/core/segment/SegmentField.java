package com.fankeep.core.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customer facts a rule can test. The English name is the one printed; the Chinese aliases are accepted too
 * (the first is printed in the Chinese form). Choices map a code to its aliases.
 *
 * <p>Campaign and launch participation name their campaign or launch (the clause's subject): {@code campaign "新年贺卡"
 * = shipped} is an entry in that state ({@code any}: in it at all), {@code gift within 30d} a gift shipped to them
 * then, {@code launch "春茶" = voted | reserved | allocated | any} (ADR 0026).
 */
public enum SegmentField {
    CITY("city", FieldKind.TEXT, List.of("城市")),
    PROVINCE("province", FieldKind.TEXT, List.of("省份", "省")),
    TIER("tier", FieldKind.CHOICE, List.of("等级", "粉丝等级"), choices(
            "iron_fan", "铁粉", "vip", "VIP", "regular", "常客", "new", "新客", "lapsed", "沉睡", "none", "无等级")),
    ORDERS("orders", FieldKind.NUMBER, List.of("订单数")),
    SPEND("spend", FieldKind.NUMBER, List.of("消费额", "消费")),
    FIRST_ORDER("first_order", FieldKind.DATE, List.of("首单")),
    LAST_ORDER("last_order", FieldKind.DATE, List.of("最近下单", "末单")),
    PLATFORM("platform", FieldKind.CHOICE, List.of("平台"), choices(
            "taobao", "淘宝", "tmall", "天猫", "jd", "京东", "pinduoduo", "拼多多", "youzan", "有赞", "douyin", "抖音",
            "wechat", "微信小店", "shopify", "Shopify", "woocommerce", "WooCommerce", "etsy", "Etsy", "ebay", "eBay",
            "manual", "手工", "other", "其他")),
    ITEM("item", FieldKind.TEXT, List.of("商品")),
    SKU("sku", FieldKind.TEXT, List.of("货号", "SKU")),
    TAG("tag", FieldKind.TEXT, List.of("标签")),
    HAS("has", FieldKind.HAS, List.of("有"), choices(
            "wechat", "微信", "qq", "QQ", "phone", "手机", "email", "邮箱")),
    FUNNEL("funnel", FieldKind.CHOICE, List.of("加粉"), choices(
            "known", "已知", "exported", "已导入通讯录", "requested", "已发好友申请", "connected", "已加上")),
    RECOVERY("recovery", FieldKind.CHOICE, List.of("寻回"), choices(
            "none", "未寻回", "to_contact", "待联系", "contacted", "已联系", "added", "已加好友", "active_again", "重新购买")),
    GROUP("group", FieldKind.TEXT, List.of("群", "粉丝群")),
    REFERRED_BY("referred_by", FieldKind.ID, List.of("推荐人")),
    REFERRED("referred", FieldKind.NUMBER, List.of("推荐数")),
    BIRTHDAY_MONTH("birthday_month", FieldKind.NUMBER, List.of("生日月")),
    DO_NOT_CONTACT("do_not_contact", FieldKind.FLAG, List.of("免打扰")),
    CAMPAIGN("campaign", FieldKind.PARTICIPATION, List.of("活动", "赠品活动"), choices(
            "any", "任意", "invited", "已邀请", "claimed", "已领取", "address_confirmed", "地址已确认", "shipped", "已发货",
            "delivered", "已送达", "thanked", "已致谢", "declined", "已谢绝", "expired", "已过期", "cancelled", "已取消",
            "waitlisted", "候补")),
    /** When a gift of any campaign was shipped to them. */
    GIFT("gift", FieldKind.DATE, List.of("赠品", "收到赠品")),
    LAUNCH("launch", FieldKind.PARTICIPATION, List.of("新品", "新品发布"), choices(
            "any", "任意", "voted", "投过票", "reserved", "预订", "allocated", "分到"));

    private final String word;
    private final FieldKind kind;
    private final List<String> chinese;
    /** code → aliases (the code itself is always accepted). */
    private final Map<String, List<String>> choices;

    SegmentField(String word, FieldKind kind, List<String> chinese) {
        this(word, kind, chinese, Map.of());
    }

    SegmentField(String word, FieldKind kind, List<String> chinese, Map<String, List<String>> choices) {
        this.word = word;
        this.kind = kind;
        this.chinese = chinese;
        this.choices = choices;
    }

    private static Map<String, List<String>> choices(String... codeAlias) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAlias.length; i += 2) {
            m.put(codeAlias[i], List.of(codeAlias[i + 1]));
        }
        return m;
    }

    /** The English name, e.g. {@code last_order}: what the printer writes. */
    public String word() {
        return word;
    }

    public String word(boolean inChinese) {
        return inChinese ? chinese.getFirst() : word;
    }

    public FieldKind kind() {
        return kind;
    }

    public List<Op> ops() {
        return kind.ops();
    }

    /** The codes of a choice field, in order (empty for others). */
    public List<String> choiceCodes() {
        return List.copyOf(choices.keySet());
    }

    /** The first alias of a choice (its Chinese name), for showing and printing in Chinese. */
    public String choiceAlias(String code) {
        List<String> a = choices.get(code);
        return a == null || a.isEmpty() ? code : a.getFirst();
    }

    /** The code a typed choice stands for (code or alias, any case), or null. */
    public String choice(String typed) {
        for (Map.Entry<String, List<String>> e : choices.entrySet()) {
            if (e.getKey().equalsIgnoreCase(typed)) {
                return e.getKey();
            }
            for (String alias : e.getValue()) {
                if (alias.equalsIgnoreCase(typed)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    /** Every spelling of the choices (for "did you mean"). */
    List<String> choiceSpellings() {
        List<String> all = new ArrayList<>();
        choices.forEach((code, aliases) -> {
            all.add(code);
            all.addAll(aliases);
        });
        return all;
    }

    /** The field named {@code typed} (English or Chinese, any case), or null. */
    public static SegmentField of(String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        for (SegmentField f : values()) {
            if (f.word.equals(t) || f.chinese.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(t))) {
                return f;
            }
        }
        return null;
    }

    /** Every field spelling (for "did you mean"). */
    static List<String> spellings() {
        List<String> all = new ArrayList<>();
        for (SegmentField f : values()) {
            all.add(f.word);
            all.addAll(f.chinese);
        }
        return all;
    }
}
