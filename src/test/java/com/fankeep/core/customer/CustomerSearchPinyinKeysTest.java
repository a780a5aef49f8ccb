package com.fankeep.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Named CustomerSearch* so the search feature's tests run together. */
class CustomerSearchPinyinKeysTest {

    @Test
    void fullPinyinWithoutTonesAndInitials() {
        assertThat(PinyinKeys.full("张三")).isEqualTo("zhangsan");
        assertThat(PinyinKeys.initials("张三")).isEqualTo("zs");
        assertThat(PinyinKeys.full("吕小绿")).isEqualTo("lvxiaolv");
    }

    @Test
    void polyphonicSurnamesReadAsSurnames() {
        assertThat(PinyinKeys.full("曾国藩")).startsWith("zeng");
        assertThat(PinyinKeys.full("单田芳")).startsWith("shan");
        assertThat(PinyinKeys.full("解缙")).startsWith("xie");
        assertThat(PinyinKeys.full("仇英")).startsWith("qiu");
        assertThat(PinyinKeys.full("朴树")).startsWith("piao");
        assertThat(PinyinKeys.full("区志")).startsWith("ou");
        assertThat(PinyinKeys.full("查良镛")).startsWith("zha");
        assertThat(PinyinKeys.full("缪可")).startsWith("miao");
        assertThat(PinyinKeys.full("翟天临")).startsWith("zhai");
        assertThat(PinyinKeys.full("乐嘉")).startsWith("yue");
        assertThat(PinyinKeys.initials("曾国藩")).isEqualTo("zgf");
    }

    @Test
    void onlyTheFirstCharacterIsASurname() {
        // 曾 inside a given name takes the common reading (ceng), not the surname one
        assertThat(PinyinKeys.full("王曾")).isEqualTo("wangceng");
    }

    @Test
    void rareCharacters() {
        assertThat(PinyinKeys.full("王喆")).isEqualTo("wangzhe");
        assertThat(PinyinKeys.full("陶堃")).isEqualTo("taokun");
    }

    @Test
    void latinAndMixedNames() {
        assertThat(PinyinKeys.full("Emily Carter")).isEqualTo("emily carter");
        assertThat(PinyinKeys.initials("Emily Carter")).isEqualTo("ec");
        assertThat(PinyinKeys.full("Allen朱啸虎")).isEqualTo("allenzhuxiaohu");
        assertThat(PinyinKeys.initials("Allen朱啸虎")).isEqualTo("azxh");
        assertThat(PinyinKeys.full(null)).isEmpty();
        assertThat(PinyinKeys.full("  ")).isEmpty();
    }
}
