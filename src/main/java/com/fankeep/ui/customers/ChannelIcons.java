package com.fankeep.ui.customers;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignQ;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** One icon per contact channel kind, in a fixed order. */
final class ChannelIcons {

    static final java.util.List<String> ORDER = java.util.List.of("phone", "wechat", "qq", "weibo", "douyin", "email", "address");

    private ChannelIcons() {
    }

    static Ikon of(String kind) {
        return switch (kind) {
            case "phone" -> MaterialDesignP.PHONE_OUTLINE;
            case "wechat" -> MaterialDesignW.WECHAT;
            case "qq" -> MaterialDesignQ.QQCHAT;
            case "weibo" -> MaterialDesignS.SINA_WEIBO;
            case "douyin" -> MaterialDesignM.MUSIC_NOTE;
            case "email" -> MaterialDesignE.EMAIL_OUTLINE;
            case "address" -> MaterialDesignM.MAP_MARKER_OUTLINE;
            default -> MaterialDesignC.CARD_ACCOUNT_DETAILS_OUTLINE;
        };
    }

    static FontIcon icon(String kind) {
        FontIcon i = new FontIcon(of(kind));
        i.getStyleClass().add("channel-icon-" + kind);
        return i;
    }
}
