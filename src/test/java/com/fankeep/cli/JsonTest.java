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

/** The plain writer `stats --json` uses prints exactly what Jackson prints (ADR 0038). */
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
}
