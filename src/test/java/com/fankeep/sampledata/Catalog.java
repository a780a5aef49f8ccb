package com.fankeep.sampledata;

/** The invented shop "小满手作" / "Xiaoman Studio" and what it sells, in CNY for China and USD abroad. */
final class Catalog {

    private Catalog() {}

    static final String SHOP_CN = "小满手作工作室";
    static final String SHOP_EN = "Xiaoman Studio";

    record Product(String cnTitle, String enTitle, int cnyCents, int usdCents) {}

    /**
     * One sellable variant.
     *
     * @param attrsCn Taobao-style 商品属性, e.g. {@code 颜色分类：白色;尺码：M}
     * @param attrsEn variant as an overseas shop shows it, e.g. {@code White / M}
     */
    record Sku(String code, Product product, String attrsCn, String attrsEn) {

        String titleCn() {
            return product.cnTitle();
        }

        String titleEn() {
            return product.enTitle();
        }

        int cny() {
            return product.cnyCents();
        }

        int usd() {
            return product.usdCents();
        }

        /** The attribute values only, e.g. {@code 白色,M} (Pinduoduo/Douyin 商品规格 style). */
        String valuesCn() {
            StringBuilder sb = new StringBuilder();
            for (String part : attrsCn.split(";")) {
                if (!sb.isEmpty()) {
                    sb.append(',');
                }
                sb.append(part.substring(part.indexOf('：') + 1));
            }
            return sb.toString();
        }
    }

    static final Product MUG = new Product("小满手作 手工粗陶马克杯350ml 复古简约咖啡杯", "Handmade Stoneware Mug 350ml", 6800, 1400);
    static final Product SHIRT = new Product("小满手作 亚麻衬衫女宽松长袖 文艺复古棉麻上衣", "Linen Shirt, Relaxed Fit", 15900, 3800);
    static final Product SCARF = new Product("小满手作 手织羊毛围巾 冬季保暖加厚", "Hand-knit Wool Scarf", 12800, 3200);
    static final Product CANDLE = new Product("小满手作 大豆香薰蜡烛礼盒 伴手礼", "Soy Candle Gift Box", 4900, 1400);
    static final Product TOTE = new Product("小满手作 帆布托特包 大容量单肩包", "Canvas Tote Bag", 7900, 1800);
    static final Product PILLOW = new Product("小满手作 棉麻抱枕套 北欧简约靠垫套", "Linen Cushion Cover", 3900, 1000);
    static final Product TEAPOT = new Product("小满手作 粗陶侧把茶壶 柴烧功夫茶具", "Side-handle Stoneware Teapot", 18800, 4800);
    static final Product CARD = new Product("小满手作 手写感谢卡（赠品）", "Handwritten Thank-you Card", 0, 0);

    static final Sku MUG_WHITE = new Sku("XM-MUG-WH", MUG, "颜色分类：白色", "White");
    static final Sku MUG_SLATE = new Sku("XM-MUG-GR", MUG, "颜色分类：青灰", "Slate");
    static final Sku SHIRT_WHITE_M = new Sku("XM-SHT-WH-M", SHIRT, "颜色分类：白色;尺码：M", "White / M");
    static final Sku SHIRT_BLUE_L = new Sku("XM-SHT-BL-L", SHIRT, "颜色分类：雾霾蓝;尺码：L", "Dusty Blue / L");
    static final Sku SCARF_OAT = new Sku("XM-SCF-OAT", SCARF, "颜色分类：燕麦色", "Oatmeal");
    static final Sku CANDLE_CEDAR = new Sku("XM-CDL-CED", CANDLE, "香型：雪松", "Cedar");
    static final Sku CANDLE_OSMANTHUS = new Sku("XM-CDL-OSM", CANDLE, "香型：桂花", "Osmanthus");
    static final Sku TOTE_CREAM = new Sku("XM-TOT-CR", TOTE, "颜色分类：米白", "Cream");
    static final Sku PILLOW_BLUE = new Sku("XM-PLW-BL45", PILLOW, "颜色分类：灰蓝;尺寸：45x45cm", "Grey Blue / 45x45cm");
    static final Sku TEAPOT_WOOD = new Sku("XM-TPT-CS", TEAPOT, "颜色分类：柴烧", "Wood-fired");
    static final Sku THANK_YOU_CARD = new Sku("XM-GIFT-CARD", CARD, "款式：随机", "Random");

    /** An order line. */
    record Line(Sku sku, int qty) {

        int cny() {
            return sku.cny() * qty;
        }

        int usd() {
            return sku.usd() * qty;
        }
    }

    static Line line(Sku sku, int qty) {
        return new Line(sku, qty);
    }

    /** 6800 → "68.00". */
    static String money(int cents) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", cents / 100, Math.abs(cents % 100));
    }

    /** 6800 → "68", 6850 → "68.5" (WooCommerce style, no fixed decimals). */
    static String moneyLoose(int cents) {
        if (cents % 100 == 0) {
            return Integer.toString(cents / 100);
        }
        String s = money(cents);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * A stable platform id for a SKU or product: {@code prefix} followed by {@code width} digits derived
     * from {@code code} ({@link String#hashCode()} is specified, so this is the same on every JVM).
     */
    static String stableId(String prefix, String code, int width) {
        long mod = (long) Math.pow(10, width);
        long n = Math.floorMod((long) code.hashCode() * 2654435761L, mod);
        return prefix + String.format(java.util.Locale.ROOT, "%0" + width + "d", n);
    }

    /** Random digits of the given length from a seeded generator; never starts with 0. */
    static String digits(java.util.Random rnd, int length) {
        StringBuilder sb = new StringBuilder();
        sb.append((char) ('1' + rnd.nextInt(9)));
        for (int i = 1; i < length; i++) {
            sb.append((char) ('0' + rnd.nextInt(10)));
        }
        return sb.toString();
    }
}
