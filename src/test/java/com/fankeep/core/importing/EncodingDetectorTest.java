package com.fankeep.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingDetectorTest {

    private static final String TAOBAO = "订单编号,买家会员名,收货人姓名,收货地址 ,联系手机\n"
            + "=\"3301234567890123456\",喆喆的小店,王喆,浙江省 杭州市 西湖区 文三路 100号(310012),'13800138000\n"
            + "=\"3301234567890123457\",堃哥,李堃,上海 上海市 浦东新区 世纪大道 1号(200120),'13900139000\n";

    @Test
    void gbkExportIsReadAsGb18030SoRareCharactersSurvive() {
        byte[] gbk = TAOBAO.getBytes(Charset.forName("GBK"));
        EncodingDetector.Detected d = EncodingDetector.detect(gbk, true);
        assertThat(d.charset()).isEqualTo(EncodingDetector.GB18030);
        assertThat(new String(gbk, d.charset())).isEqualTo(TAOBAO).contains("喆").contains("堃");
    }

    @Test
    void utf8WithAndWithoutBom() {
        byte[] plain = TAOBAO.getBytes(StandardCharsets.UTF_8);
        assertThat(EncodingDetector.detect(plain, true)).isEqualTo(new EncodingDetector.Detected(StandardCharsets.UTF_8, 0));
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(EncodingDetector.detect(bom, true)).isEqualTo(new EncodingDetector.Detected(StandardCharsets.UTF_8, 3));
    }

    @Test
    void aSampleThatCutsAUtf8CharacterInHalfIsStillUtf8() {
        byte[] plain = TAOBAO.getBytes(StandardCharsets.UTF_8);
        String upToRareCharacter = TAOBAO.substring(0, TAOBAO.indexOf("喆") + 1);
        int cut = upToRareCharacter.getBytes(StandardCharsets.UTF_8).length - 1; // ends inside 喆's three bytes
        byte[] head = java.util.Arrays.copyOf(plain, cut);
        assertThat(EncodingDetector.detect(head, false).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16WithAndWithoutBom() {
        byte[] le = "Name,Phone\nAlice,+1 415 555 0134\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(EncodingDetector.detect(le, true).charset()).isEqualTo(StandardCharsets.UTF_16LE);
        byte[] withBom = "Name,Phone\n".getBytes(StandardCharsets.UTF_16);
        assertThat(EncodingDetector.detect(withBom, true)).isEqualTo(new EncodingDetector.Detected(StandardCharsets.UTF_16BE, 2));
    }
}
