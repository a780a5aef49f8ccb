package com.fankeep.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the customers list finds as the owner types: pinyin, initials, polyphonic surnames, phone fragments. */
class CustomerSearchMatchingTest {

    private static final CustomerEntry ZHANG_SAN = new CustomerEntry(1, "张三", List.of(), List.of("+8613800138000"), List.of());
    private static final CustomerEntry SHAN_LI = new CustomerEntry(2, "单丽", List.of(), List.of("+8613700137002"), List.of());
    private static final CustomerEntry ZENG_QIANG = new CustomerEntry(3, "曾强", List.of("强哥"), List.of("138****1234"), List.of("zq888"));
    private static final CustomerEntry ZHANG_SHAN = new CustomerEntry(4, "张珊", List.of(), List.of("+8615900001234"), List.of());

    private final CustomerSearchIndex index = CustomerSearchIndex.of(List.of(ZHANG_SAN, SHAN_LI, ZENG_QIANG, ZHANG_SHAN));

    @Test
    void initialsAndFullPinyinFindZhangSan() {
        assertThat(index.search("zs", 10)).contains(1L, 4L);
        assertThat(index.search("zhangsan", 10)).containsExactly(1L);
        assertThat(index.search("ZhangSan", 10)).containsExactly(1L);
        assertThat(index.search("zhang", 10)).containsExactlyInAnyOrder(1L, 4L);
        assertThat(index.search("张三", 10)).containsExactly(1L);
    }

    @Test
    void polyphonicSurnamesAreReadAsSurnames() {
        assertThat(index.search("shanli", 10)).containsExactly(2L);   // 单 as a surname is shan, not dan
        assertThat(index.search("danli", 10)).isEmpty();
        assertThat(index.search("sl", 10)).containsExactly(2L);
        assertThat(index.search("zengqiang", 10)).containsExactly(3L); // 曾 zeng, not ceng
        assertThat(index.search("zq", 10)).contains(3L);
    }

    @Test
    void phoneFragmentsFindByLastFourAndPrefixButNeverByMaskedDigits() {
        assertThat(index.search("8000", 10)).containsExactly(1L);
        assertThat(index.search("138", 10)).contains(1L, 3L);
        assertThat(index.search("1380013", 10)).containsExactly(1L);
        assertThat(index.search("138-0013", 10)).containsExactly(1L);
        assertThat(index.search("1234", 10)).containsExactlyInAnyOrder(3L, 4L); // the visible tail of 138****1234
        assertThat(index.search("13800001234", 10)).isEmpty();               // hidden digits cannot be guessed
    }

    @Test
    void anEditedEntryIsFoundByItsNewValueAndNoLongerByItsOld() {
        index.put(new CustomerEntry(1, "赵六", List.of(), List.of("+8613800138000"), List.of("zl_wx")));
        assertThat(index.search("zhangsan", 10)).isEmpty();
        assertThat(index.search("zhaoliu", 10)).containsExactly(1L);
        assertThat(index.search("zl_wx", 10)).containsExactly(1L);
        index.remove(1);
        assertThat(index.search("8000", 10)).isEmpty();
    }
}
