package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.shared.NormalizedPhone.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "13800138000|+8613800138000",
            "'13800138000|+8613800138000",
            "=\"13800138000\"|+8613800138000",
            "+86 138 0013 8000|+8613800138000",
            "86-138-0013-8000|+8613800138000",
            "0086 13800138000|+8613800138000",
            "138-0013-8000|+8613800138000",
            "138 0013 8000|+8613800138000",
            "１３８００１３８０００|+8613800138000",
            "＋８６ １３８ ００１３ ８０００|+8613800138000",
            "\t13800138000\t|+8613800138000",
    })
    void chineseMobilesInEveryWritingBecomeOneKey(String raw, String e164) {
        NormalizedPhone p = PhoneNormalizer.normalize(raw, null);
        assertThat(p.e164()).isEqualTo(e164);
        assertThat(p.kind()).isEqualTo(Kind.MOBILE);
        assertThat(p.usableAsKey()).isTrue();
    }

    @Test
    void anAmericanNumberIsAmericanNotAChineseMobile() {
        NormalizedPhone p = PhoneNormalizer.normalize("+1 415-555-0134", null);
        assertThat(p.e164()).isEqualTo("+14155550134");
        assertThat(p.e164()).doesNotStartWith("+86");

        NormalizedPhone fromRow = PhoneNormalizer.normalize("(415) 555-0134", "US");
        assertThat(fromRow.e164()).isEqualTo("+14155550134");
    }

    @Test
    void maskedNumbersAreKeptButNeverKeys() {
        for (String masked : new String[] {"138****8000", "1******6198", "186******05", "138＊＊＊＊8000"}) {
            NormalizedPhone p = PhoneNormalizer.normalize(masked, null);
            assertThat(p.kind()).as(masked).isEqualTo(Kind.MASKED);
            assertThat(p.usableAsKey()).as(masked).isFalse();
            assertThat(p.e164()).as(masked).isNull();
            assertThat(p.raw()).isEqualTo(masked);
        }
    }

    @Test
    void landlinesAreNotKeys() {
        NormalizedPhone p = PhoneNormalizer.normalize("010-88520374", null);
        assertThat(p.kind()).isEqualTo(Kind.LANDLINE);
        assertThat(p.e164()).isEqualTo("+861088520374");
        assertThat(p.usableAsKey()).isFalse();
    }

    @Test
    void privacyNumbersWithExtensionsAndVirtualOperatorsAreNotKeys() {
        assertThat(PhoneNormalizer.normalize("19512345678-1234", null).kind()).isEqualTo(Kind.VIRTUAL);
        assertThat(PhoneNormalizer.normalize("18400001234转5678", null).kind()).isEqualTo(Kind.VIRTUAL);
        NormalizedPhone mvno = PhoneNormalizer.normalize("17012345678", null);
        assertThat(mvno.kind()).isEqualTo(Kind.VIRTUAL);
        assertThat(mvno.usableAsKey()).isFalse();
    }

    @Test
    void garbageIsInvalidNotAnError() {
        assertThat(PhoneNormalizer.normalize("n/a", null).kind()).isEqualTo(Kind.INVALID);
        assertThat(PhoneNormalizer.normalize("123", null).kind()).isEqualTo(Kind.INVALID);
        assertThat(PhoneNormalizer.normalize("", null).kind()).isEqualTo(Kind.INVALID);
        assertThat(PhoneNormalizer.normalize(null, null).kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void aCellWithSeveralNumbersSplits() {
        assertThat(PhoneNormalizer.splitCell("13800138000/13900139000")).containsExactly("13800138000", "13900139000");
        assertThat(PhoneNormalizer.splitCell("13800138000、139-0013-9000")).containsExactly("13800138000", "139-0013-9000");
        assertThat(PhoneNormalizer.splitCell("13800138000 13900139000")).containsExactly("13800138000", "13900139000");
        assertThat(PhoneNormalizer.splitCell("138 0013 8000")).containsExactly("138 0013 8000");
        assertThat(PhoneNormalizer.splitCell("  ")).isEmpty();
    }
}
