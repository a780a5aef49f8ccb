package com.fankeep.core.importing.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoteAccountsTest {

    @Test
    void aPlatformWordAndAColonNameAnyNickname() {
        assertThat(NoteAccounts.find("淘宝：喆喆爱购物").nicknames()).containsExactly("taobao:喆喆爱购物");
        assertThat(NoteAccounts.find("旺旺:娜娜小铺，老客户").nicknames()).containsExactly("taobao:娜娜小铺");
        assertThat(NoteAccounts.find("抖音： 小冉的店").nicknames()).containsExactly("douyin:小冉的店");
    }

    @Test
    void aPlatformWordAndSpacesNameOnlyALatinAccount() {
        assertThat(NoteAccounts.find("淘宝 zhangwei1988 微信 zw_1988 老客户，买过三次茶具"))
                .isEqualTo(new NoteAccounts.Found(java.util.List.of("taobao:zhangwei1988"), "zw_1988", null));
        assertThat(NoteAccounts.find("淘宝 娜娜小铺 老客户")).isEqualTo(NoteAccounts.Found.NONE);
        assertThat(NoteAccounts.find("淘宝 老客户")).isEqualTo(NoteAccounts.Found.NONE);
        assertThat(NoteAccounts.find("Etsy emilycarterart").nicknames()).containsExactly("etsy:emilycarterart");
        assertThat(NoteAccounts.find("在温哥华读书。\n淘宝 xiaoyu_lin, 微信 linxy_van; 2022年双十一买过三件"))
                .isEqualTo(new NoteAccounts.Found(java.util.List.of("taobao:xiaoyu_lin"), "linxy_van", null));
    }

    @Test
    void weChatAndQqMustLookLikeTheirIds() {
        assertThat(NoteAccounts.find("微信 hanmei_dl QQ 10001024")).isEqualTo(new NoteAccounts.Found(java.util.List.of(), "hanmei_dl", "10001024"));
        assertThat(NoteAccounts.find("QQ：10001024").qq()).isEqualTo("10001024");
        assertThat(NoteAccounts.find("微信 13800138000").wechat()).isNull(); // a phone number, not a WeChat id
        assertThat(NoteAccounts.find("QQ abc").qq()).isNull();
        assertThat(NoteAccounts.find("wx: abc").wechat()).isNull(); // too short
    }

    @Test
    void wordsGluedToThePlatformWordAreRemarks() {
        for (String remark : new String[] {"有赞下过单，退过款", "微信同号", "从淘宝导出的，号码被隐藏了", "只有微信和QQ", "朋友介绍，微信下单",
            "京东取消过一单", "taokun_wx 13800138000", "淘宝VIP"}) {
            assertThat(NoteAccounts.find(remark)).as(remark).isEqualTo(NoteAccounts.Found.NONE);
        }
        assertThat(NoteAccounts.find("淘宝 VIP")).isEqualTo(NoteAccounts.Found.NONE);
        assertThat(NoteAccounts.find(null)).isEqualTo(NoteAccounts.Found.NONE);
    }

    @Test
    void fullWidthColonsAndLettersAreReadAsHalfWidth() {
        assertThat(NoteAccounts.find("ＱＱ：１０００１０２４").qq()).isEqualTo("10001024");
    }
}
