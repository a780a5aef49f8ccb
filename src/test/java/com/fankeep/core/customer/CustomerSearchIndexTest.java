package com.fankeep.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CustomerSearchIndexTest {

    static CustomerEntry entry(long id, String name, List<String> nicks, List<String> phones, List<String> handles) {
        return new CustomerEntry(id, name, nicks, phones, handles);
    }

    final CustomerSearchIndex index = CustomerSearchIndex.of(List.of(
            entry(1, "张三", List.of("三哥的小店"), List.of("+8613800138000"), List.of("zhangsan_wx")),
            entry(2, "李四", List.of("lisi_taobao"), List.of("+8613900139111"), List.of("12345678", "lisi@example.com")),
            entry(3, "王喆", List.of("喆喆爱购物"), List.of("138****8000"), List.of()),
            entry(4, "张三丰", List.of(), List.of("+8615000150222"), List.of()),
            entry(5, "Emily Carter", List.of("emilycarterart"), List.of("+14155550134"), List.of("emily@example.com")),
            entry(6, "曾小贤", List.of(), List.of(), List.of("xiaoxian_1990"))));

    @Test
    void buildersJoinedSideBySideMakeTheSameIndexAsOneBuilder() throws Exception {
        List<CustomerEntry> all = List.of(
                entry(1, "张三", List.of("三哥的小店"), List.of("+8613800138000"), List.of("zhangsan_wx")),
                entry(2, "李四", List.of("lisi_taobao"), List.of("+8613900139111"), List.of("12345678", "lisi@example.com")),
                entry(3, "王喆", List.of("喆喆爱购物"), List.of("138****8000"), List.of()),
                entry(7, null, List.of(), List.of(), List.of()),
                entry(9, "张三丰", List.of(), List.of("+8615000150222"), List.of()),
                entry(12, "Emily Carter", List.of("emilycarterart"), List.of("+14155550134"), List.of("emily@example.com")));
        for (int split = 0; split <= all.size(); split++) {
            CustomerSearchIndex.Builder one = CustomerSearchIndex.builder();
            CustomerSearchIndex.Builder a = CustomerSearchIndex.builder();
            CustomerSearchIndex.Builder b = CustomerSearchIndex.builder();
            for (int i = 0; i < all.size(); i++) {
                one.add(all.get(i));
                (i < split ? a : b).add(all.get(i));
            }
            assertThat(snapshot(CustomerSearchIndex.Builder.join(List.of(a, b)))).as("split at " + split)
                    .isEqualTo(snapshot(one.build()));
        }
        CustomerSearchIndex.Builder low = CustomerSearchIndex.builder().add(all.get(3));
        CustomerSearchIndex.Builder high = CustomerSearchIndex.builder().add(all.get(0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CustomerSearchIndex.Builder.join(List.of(low, high)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] snapshot(CustomerSearchIndex index) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(bytes)) {
            index.writeTo(out);
        }
        return bytes.toByteArray();
    }

    @Test
    void findsByNamePinyinAndInitials() {
        assertThat(index.search("张三", 10)).containsExactly(1, 4);
        assertThat(index.search("zs", 10)).containsExactly(1, 4);
        assertThat(index.search("zhangsan", 10)).startsWith(1);
        assertThat(index.search("ZhangSan", 10)).startsWith(1);
        assertThat(index.search("zeng", 10)).containsExactly(6);
        assertThat(index.search("zhe", 10)).containsExactly(3);
        assertThat(index.search("三丰", 10)).containsExactly(4);
    }

    @Test
    void findsByNicknameWechatQqEmail() {
        assertThat(index.search("喆喆", 10)).containsExactly(3);
        assertThat(index.search("taobao", 10)).containsExactly(2);
        assertThat(index.search("zhangsan_w", 10)).containsExactly(1);
        assertThat(index.search("2345", 10)).containsExactly(2);
        assertThat(index.search("example.com", 10)).containsExactly(2, 5);
        assertThat(index.search("carter", 10)).containsExactly(5);
        assertThat(index.search("1990", 10)).containsExactly(6);
    }

    @Test
    void latinNamesWithDigitsAreFoundByTheirDigits() {
        index.put(entry(8, "Studio 54", List.of(), List.of(), List.of()));
        assertThat(index.search("54", 10)).containsExactly(8);
        assertThat(index.search("studio", 10)).containsExactly(8);
    }

    @Test
    void findsPhonesByFragments() {
        assertThat(index.search("0222", 10)).containsExactly(4);
        assertThat(index.search("150", 10)).containsExactly(4);
        assertThat(index.search("139 0013", 10)).containsExactly(2);
        assertThat(index.search("+86 138", 10)).containsExactly(1, 3);
        assertThat(index.search("5550134", 10)).containsExactly(5);
        // two digits are not a phone fragment
        assertThat(index.search("02", 10)).isEmpty();
    }

    @Test
    void maskedPhoneIsFoundByItsVisibleDigitsOnly() {
        // decision: 138****8000 is found by "8000" and "138" (visible), never by hidden digits
        assertThat(index.search("8000", 10)).containsExactly(1, 3);
        assertThat(index.search("00138", 10)).containsExactly(1);
        assertThat(index.search("138", 10)).containsExactly(1, 3);
        assertThat(index.search("1388000", 10)).isEmpty();
    }

    @Test
    void prefixMatchesComeBeforeSubstringMatches() {
        CustomerSearchIndex idx = CustomerSearchIndex.of(List.of(
                entry(1, "王小张", List.of(), List.of(), List.of()),
                entry(2, "张伟", List.of(), List.of(), List.of()),
                entry(3, "张", List.of(), List.of(), List.of())));
        assertThat(idx.search("张", 10)).containsExactly(3, 2, 1);
        assertThat(idx.search("zhang", 10)).containsExactly(3, 2, 1);
        assertThat(idx.search("zhang", 2)).containsExactly(3, 2);
    }

    @Test
    void limitKeepsTheLowestIdsAmongEquals() {
        List<CustomerEntry> many = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            many.add(entry(i, "张伟", List.of(), List.of(), List.of()));
        }
        CustomerSearchIndex idx = CustomerSearchIndex.of(many);
        assertThat(idx.search("zw", 3)).containsExactly(1, 2, 3);
        assertThat(idx.size()).isEqualTo(500);
    }

    @Test
    void putAndRemoveShowAtOnce() {
        assertThat(index.search("赵六", 10)).isEmpty();
        index.put(entry(7, "赵六", List.of(), List.of("+8618600186000"), List.of()));
        assertThat(index.search("zl", 10)).containsExactly(7);
        assertThat(index.search("6000", 10)).containsExactly(7);

        index.put(entry(1, "张三", List.of(), List.of("+8613700137777"), List.of()));
        assertThat(index.search("0013800", 10)).isEmpty();
        assertThat(index.search("7777", 10)).containsExactly(1);
        assertThat(index.search("zs", 10)).containsExactly(1, 4);

        index.remove(4);
        assertThat(index.search("zs", 10)).containsExactly(1);
        index.remove(999);
        assertThat(index.size()).isEqualTo(6);
        assertThat(index.search("", 10)).isEmpty();
        assertThat(index.search("   ", 10)).isEmpty();
    }

    @Test
    void manySinglePutsStayConsistentWhileQueriesRun() throws Exception {
        CustomerSearchIndex idx = CustomerSearchIndex.empty();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean sawNonsense = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                for (long id : idx.search("zw", 20)) {
                    if (id <= 0 || id > 3000) {
                        sawNonsense.set(true);
                    }
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 3000; i++) {
            idx.put(entry(i, i % 2 == 0 ? "张伟" : "李娜", List.of(), List.of(String.format("+86138%08d", i)), List.of()));
            if (i % 10 == 0) {
                idx.remove(i - 5);
            }
        }
        stop.set(true);
        reader.join();
        assertThat(sawNonsense).isFalse();
        // removed: 5, 15, 25 … (odd ids, 李娜)
        assertThat(idx.size()).isEqualTo(3000 - 300);
        assertThat(idx.search("00000002", 10)).containsExactly(2);
        assertThat(idx.search("00000005", 10)).isEmpty();
        assertThat(idx.search("00000007", 10)).containsExactly(7);
        assertThat(idx.search("zw", 5000)).hasSize(1500);
        assertThat(idx.search("ln", 5000)).hasSize(1500 - 300);
    }
}
