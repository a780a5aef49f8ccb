package com.fankeep.ui.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.merge.Evidence;
import com.fankeep.core.shared.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The evidence and the cards' channels in words, not the engine's internals ("mobile +86…", "nickname taobao:"). */
class EvidenceTextTest {

    private final EvidenceText zh = new EvidenceText(Messages.of(Locale.SIMPLIFIED_CHINESE));
    private final EvidenceText en = new EvidenceText(Messages.of(Locale.ENGLISH));

    @Test
    void evidenceIsLocalizedWithAFullWidthColonInChineseAndPhonesInTheShopsFormat() {
        assertThat(zh.evidence(new Evidence("same_phone", "mobile +8613800138000"))).isEqualTo("电话相同：138 0013 8000");
        assertThat(en.evidence(new Evidence("same_phone", "phone +8613800138000"))).isEqualTo("Same phone: 138 0013 8000");
        assertThat(zh.evidence(new Evidence("similar_nickname", "nickname taobao:zhangwei1988"))).isEqualTo("昵称相似：淘宝 zhangwei1988");
        assertThat(zh.evidence(new Evidence("same_email", "email li@example.cn"))).isEqualTo("邮箱相同：li@example.cn");
        assertThat(zh.evidence(new Evidence("name_address", "张伟 · 北京市朝阳区"))).isEqualTo("姓名和地址相同：张伟 · 北京市朝阳区");
    }

    @Test
    void cardChannelsNameTheKindAndPlatformAndMarkAMaskedPhone() {
        assertThat(zh.channel("phone +8613800138000")).isEqualTo("手机 138 0013 8000");
        assertThat(zh.channel("nickname taobao:zhangwei1988")).isEqualTo("昵称 淘宝 zhangwei1988");
        assertThat(zh.channel("phone 138****8012")).isEqualTo("手机 138****8012（打码号码，无法拨打）");
        assertThat(en.channel("phone +14155550134")).startsWith("Phone +14155550134");
    }
}
