package com.fankeep.core.campaign;

import com.fankeep.core.shared.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Column layouts of the shipping list. GENERIC is ours (headers in the owner's language, with an empty tracking
 * column to fill in and import back). SF is 顺丰's 批量下单 template (header confirmed in eight public code copies, see
 * shared/docs/FAN-FEATURES.md §3). KY is the 20-column 批量导入 default of a courier's customer client (header from
 * one public copy; the courier, 跨越速运, is inferred — ADR 0019).
 */
public enum ShippingLayout implements ShippingColumns {
    GENERIC, SF, KY;

    static final List<String> SF_HEADER = List.of("用户订单号", "收件公司", "联系人", "联系电话", "手机号码", "收件详细地址", "付款方式",
            "第三方付月结卡号", "托寄物内容", "托寄物数量", "件数", "实际重量（KG）", "计费重量（KG）", "业务类型", "是否代收货款", "代收货款金额",
            "是否保价", "保价金额", "标准化包装服务（元）", "其它费用（元）", "是否自取", "是否签回单", "是否定时派送", "派送日期", "派送时段",
            "是否电子验收", "是否保单配送", "是否拍照验证", "是否保鲜服务", "是否易碎件", "是否大闸蟹专递", "是否票据专送", "收件员", "寄方签名",
            "寄件日期", "签收短信通知(MSG)", "派件短信通知(SMS)", "寄方客户备注", "长(cm)", "宽(cm)", "高(cm)", "扩展字段1", "扩展字段2", "扩展字段3");
    static final List<String> KY_HEADER = List.of("收件公司", "收件地址", "收件人", "收件手机", "收件座机", "寄件公司", "寄件地址", "寄件人",
            "寄件手机", "寄件座机", "服务方式", "付款方式", "付款账号", "代收货款", "保价声明", "回单服务", "托寄物", "件数", "重量(kg)", "寄件备注");
    static final List<String> GENERIC_KEYS = List.of("reference", "receiver", "phone", "province", "city", "district", "address",
            "item", "quantity", "carrier", "tracking");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShippingLayout of(String code) {
        for (ShippingLayout l : values()) {
            if (l.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return l;
            }
        }
        throw new CampaignException("campaign.error.layout", "layout must be generic, sf or ky", code);
    }

    /** Whether {@code name} is a built-in layout's code (a saved layout cannot take it). */
    public static boolean isBuiltInCode(String name) {
        return isBuiltIn(name);
    }

    static boolean isBuiltIn(String name) {
        for (ShippingLayout l : values()) {
            if (l.code().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> header(Messages m) {
        return switch (this) {
            case SF -> SF_HEADER;
            case KY -> KY_HEADER;
            case GENERIC -> GENERIC_KEYS.stream().map(k -> m.get("campaign.shipping." + k)).toList();
        };
    }

    /** One entry's row: text cells, and the quantity as a number. */
    @Override
    public List<Object> row(Campaign c, CampaignEntry e, String phone) {
        Address a = e.address();
        String ref = reference(c.id(), e.id());
        List<Object> out = new ArrayList<>();
        switch (this) {
            case SF -> {
                for (String h : SF_HEADER) {
                    out.add(switch (h) {
                        case "用户订单号" -> ref;
                        case "联系人" -> a.receiver();
                        case "联系电话", "手机号码" -> phone;
                        case "收件详细地址" -> a.full();
                        case "付款方式" -> "寄付月结";
                        case "托寄物内容" -> c.gift();
                        case "托寄物数量" -> e.units();
                        case "件数" -> 1;
                        default -> null;
                    });
                }
            }
            case KY -> {
                for (String h : KY_HEADER) {
                    out.add(switch (h) {
                        case "收件地址" -> a.full();
                        case "收件人" -> a.receiver();
                        case "收件手机" -> phone;
                        case "托寄物" -> c.gift();
                        case "件数" -> 1;
                        case "寄件备注" -> ref;
                        default -> null;
                    });
                }
            }
            case GENERIC -> out.addAll(java.util.Arrays.asList(ref, a.receiver(), phone, a.province(), a.city(), a.district(),
                    a.detail(), c.gift(), e.units(), null, null));
        }
        return out;
    }

    /** The entry's reference on the list ("FK12-345"): the surest way back when the courier returns it. */
    static String reference(long campaignId, long entryId) {
        return "FK" + campaignId + "-" + entryId;
    }
}
