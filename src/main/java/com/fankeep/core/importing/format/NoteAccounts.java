package com.fankeep.core.importing.format;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the accounts an owner wrote into a contact's note, so the contact merges with the same buyer elsewhere.
 *
 * <p>The rule: a platform word, then the account.
 * <ul>
 *   <li>Platform words: 淘宝 / 旺旺 / 天猫 → {@code taobao}, 京东 → {@code jd}, 拼多多 → {@code pinduoduo}, 有赞 →
 *       {@code youzan}, 抖音 → {@code douyin}, Etsy, eBay; 微信 / WeChat / weixin / wx / vx → the WeChat id;
 *       QQ → the QQ number. Latin words count only as whole words.</li>
 *   <li>After a colon ({@code 淘宝：喆喆爱购物}, {@code QQ: 10001024}) the account is anything up to the next space or
 *       punctuation ({@code ，,;；。、()（）}).</li>
 *   <li>After spaces only ({@code 淘宝 zhangwei1988}, {@code 微信 xuqing_1990}) the account must be written in Latin
 *       letters, digits, {@code _ . -}: {@code 淘宝 老客户} is a remark, not a nickname.</li>
 *   <li>A word glued to the platform word is not an account: {@code 淘宝下过单}, {@code 微信同号}, {@code 从淘宝导出的}.</li>
 *   <li>A WeChat id must look like one (a letter, then 5–19 letters, digits, _ or -); a QQ number is 5–11 digits;
 *       other accounts are 2–40 characters.</li>
 * </ul>
 * A nickname comes out as {@code "taobao:喆喆爱购物"}, the form {@code ImportedContact.nicknames} takes. The whole note
 * is kept as the customer's note either way.
 */
public final class NoteAccounts {

    /** What a note says: nicknames as "platform:nick", and a WeChat id and QQ number (null when none). */
    public record Found(List<String> nicknames, String wechat, String qq) {
        public static final Found NONE = new Found(List.of(), null, null);
    }

    private static final Map<String, String> PLATFORMS = Map.ofEntries(
            Map.entry("淘宝", "taobao"), Map.entry("旺旺", "taobao"), Map.entry("天猫", "taobao"), Map.entry("京东", "jd"),
            Map.entry("拼多多", "pinduoduo"), Map.entry("有赞", "youzan"), Map.entry("抖音", "douyin"),
            Map.entry("etsy", "etsy"), Map.entry("ebay", "ebay"),
            Map.entry("微信", "wechat"), Map.entry("wechat", "wechat"), Map.entry("weixin", "wechat"), Map.entry("wx", "wechat"),
            Map.entry("vx", "wechat"), Map.entry("qq", "qq"));

    private static final String STOP = "\\s,，;；。、()（）:：!！?？\"“”'‘’<>《》【】\\[\\]";
    private static final Pattern ACCOUNT = Pattern.compile(
            "(?<![A-Za-z0-9_])(淘宝|旺旺|天猫|京东|拼多多|有赞|抖音|etsy|ebay|微信|wechat|weixin|wx|vx|qq)"
                    + "(?:\\s*[:：]\\s*([^" + STOP + "]+)|[ \\t\\u3000]+([A-Za-z0-9][A-Za-z0-9_.\\-]*))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z][-_A-Za-z0-9]{5,19}");
    private static final Pattern QQ_NUMBER = Pattern.compile("[1-9]\\d{4,10}");
    private static final Set<String> NOT_ACCOUNTS = Set.of("vip", "svip", "app", "ok", "plus");

    private NoteAccounts() {
    }

    public static Found find(String note) {
        if (note == null || note.isBlank()) {
            return Found.NONE;
        }
        String text = Normalizer.normalize(note, Normalizer.Form.NFKC);
        List<String> nicknames = new ArrayList<>();
        String wechat = null;
        String qq = null;
        Matcher m = ACCOUNT.matcher(text);
        while (m.find()) {
            String platform = PLATFORMS.get(m.group(1).toLowerCase(Locale.ROOT));
            String account = trimEnd(m.group(2) != null ? m.group(2) : m.group(3));
            if (account.isEmpty() || NOT_ACCOUNTS.contains(account.toLowerCase(Locale.ROOT))) {
                continue;
            }
            switch (platform) {
                case "wechat" -> {
                    if (wechat == null && WECHAT_ID.matcher(account).matches()) {
                        wechat = account;
                    }
                }
                case "qq" -> {
                    if (qq == null && QQ_NUMBER.matcher(account).matches()) {
                        qq = account;
                    }
                }
                default -> {
                    String nick = platform + ":" + account;
                    if (account.length() >= 2 && account.length() <= 40 && !nicknames.contains(nick)) {
                        nicknames.add(nick);
                    }
                }
            }
        }
        return nicknames.isEmpty() && wechat == null && qq == null ? Found.NONE : new Found(List.copyOf(nicknames), wechat, qq);
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && ".-~".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
