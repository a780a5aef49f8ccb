package com.fankeep.ui.duplicates;

import com.fankeep.core.merge.Evidence;
import com.fankeep.core.shared.Messages;
import com.fankeep.core.shared.PhoneDisplay;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duplicates page in the owner's words: "电话相同：138 0013 8000" rather than "same_phone: mobile +86…", and a
 * card's channels as "昵称 淘宝 zhangwei" rather than "nickname taobao:zhangwei". The engine stores the evidence as
 * "&lt;kind&gt; &lt;value&gt;" and a channel as "&lt;kind&gt; [&lt;platform&gt;:]&lt;value&gt;".
 */
final class EvidenceText {

    private static final Set<String> KINDS = Set.of("mobile", "phone", "email", "platform_account", "nickname", "wechat",
            "qq", "weibo", "douyin", "address");
    private static final Pattern PLATFORM = Pattern.compile("([a-z_]+):(.*)", Pattern.DOTALL);

    private final Messages m;

    EvidenceText(Messages m) {
        this.m = m;
    }

    /** "电话相同：138 0013 8000" / "Same phone: 138 0013 8000". */
    String evidence(Evidence e) {
        String reason = or("duplicates.reason." + e.reason(), e.reason());
        String detail = e.detail() == null ? "" : e.detail().strip();
        int space = detail.indexOf(' ');
        if (space > 0 && KINDS.contains(detail.substring(0, space))) {
            detail = value(detail.substring(0, space), detail.substring(space + 1));
        }
        return detail.isEmpty() ? reason : m.get("duplicates.evidence", reason, detail);
    }

    /** One channel of a card: "手机 138 0013 8000", "昵称 淘宝 zhangwei", a masked phone marked so. */
    String channel(String stored) {
        int space = stored.indexOf(' ');
        if (space <= 0) {
            return stored;
        }
        String kind = stored.substring(0, space);
        String label = or("customers.channel." + ("mobile".equals(kind) ? "phone" : kind), kind);
        return label + " " + value(kind, stored.substring(space + 1));
    }

    private String value(String kind, String value) {
        if (kind.equals("mobile") || kind.equals("phone")) {
            String shown = PhoneDisplay.format(value);
            return PhoneDisplay.isMasked(value) ? m.get("duplicates.masked", shown) : shown;
        }
        Matcher p = PLATFORM.matcher(value);
        if (p.matches() && m.bundle().containsKey("customers.platform." + p.group(1))) {
            return m.get("customers.platform." + p.group(1)) + " " + p.group(2);
        }
        return value;
    }

    private String or(String key, String fallback) {
        try {
            return m.bundle().getString(key);
        } catch (MissingResourceException e) {
            return fallback.toLowerCase(Locale.ROOT);
        }
    }
}
