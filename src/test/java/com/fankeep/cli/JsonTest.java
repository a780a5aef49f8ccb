package com.fankeep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The plain writer `stats --json` uses prints exactly what Jackson prints (ADR 0038); keys come in a stable order (a
 * {@code Map.of}'s or {@code Set.copyOf}'s iteration order changes with every JVM).
 */
class JsonTest {

    @Test
    void plainMapsAreWrittenByteForByteAsJacksonWritesThem() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x2100; c++) {
            every.append(c);
        }
        Map<String, Object> revenue = new TreeMap<>();
        revenue.put("CNY", new BigDecimal("195804283.00"));
        revenue.put("EUR", new BigDecimal("1E+3"));
        revenue.put("USD", new BigDecimal("-0.000001"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customers", 300_000L);
        m.put("orders", Integer.MAX_VALUE);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("none", null);
        m.put("yes", true);
        m.put("text", "王小明 \"quoted\" back\\slash\ttab 😀");
        m.put("every character", every.toString());
        m.put("key \"with\" quotes\n", "v");
        m.put("revenue", revenue);
        m.put("empty", Map.of());

        assertThat(Json.plain(m)).isTrue();
        assertThat(Json.write(m)).isEqualTo(Json.viaJackson(m));
    }

    @Test
    void anythingElseGoesToJackson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", LocalDate.of(2024, 9, 14));
        m.put("list", List.of(1, 2));
        m.put("double", 1.5);
        assertThat(Json.plain(m)).isFalse();
        assertThat(Json.plain(List.of(1))).isFalse();
        assertThat(Json.write(m)).isEqualTo("{\"day\":\"2024-09-14\",\"list\":[1,2],\"double\":1.5}");
    }

    /** Ten keys: a Map.of iterates them in one of 3.6 million orders, picked anew by each JVM. */
    private static final Map<String, Integer> TEN = Map.of("j", 10, "c", 3, "h", 8, "a", 1, "e", 5, "b", 2, "i", 9, "d", 4, "g", 7,
            "f", 6);
    private static final String TEN_SORTED = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10}";

    @Test
    void aMapWithoutAnOrderOfItsOwnIsWrittenSortedByKeyOnBothWriters() {
        assertThat(Json.write(TEN)).as("plain writer").isEqualTo(TEN_SORTED);
        assertThat(Json.viaJackson(TEN)).as("Jackson").isEqualTo(TEN_SORTED);
        assertThat(Json.write(new java.util.HashMap<>(TEN))).isEqualTo(TEN_SORTED);
        // inside a record (Map.copyOf in a core record's constructor) and a list, as the commands print them
        record Row(String name, Map<String, Integer> spend, java.util.Set<String> channels) {
        }
        String row = Json.write(List.of(new Row("王芳", Map.copyOf(TEN), java.util.Set.copyOf(TEN.keySet()))));
        assertThat(row).isEqualTo("[{\"name\":\"王芳\",\"spend\":" + TEN_SORTED
                + ",\"channels\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]}]");
    }

    @Test
    void recordsAndOrderedMapsKeepTheirDeclaredOrder() {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("z", 1);
        declared.put("a", Map.of("y", 2, "b", 3));
        declared.put("m", List.of("c", "b", "a"));
        assertThat(Json.write(declared)).isEqualTo("{\"z\":1,\"a\":{\"b\":3,\"y\":2},\"m\":[\"c\",\"b\",\"a\"]}");
        record Trial(long campaignId, String name, int fans, int quantity) {
        }
        assertThat(Json.write(new Trial(7, "春茶 试饮", 2, 1))).isEqualTo("{\"campaignId\":7,\"name\":\"春茶 试饮\",\"fans\":2,\"quantity\":1}");
    }
}
