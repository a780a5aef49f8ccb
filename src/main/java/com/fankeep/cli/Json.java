package com.fankeep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * JSON output of the CLI: stable key order (records and ordered maps as declared, maps and sets without an order sorted:
 * {@link StableOrder}), money as exact decimal numbers, times as ISO-8601 text.
 */
final class Json {

    private Json() {
    }

    /** Built on first use: `stats --json` prints a few numbers, and starting Jackson cost it ~0.2 s (ADR 0038). */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StableOrder.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    static String write(Object value) {
        if (plain(value)) {
            StringBuilder sb = new StringBuilder(128);
            writePlain(value, sb);
            return sb.toString();
        }
        return viaJackson(value);
    }

    static String viaJackson(Object value) {
        try {
            return Mapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Maps with text keys of text, whole or exact decimal numbers, booleans, nulls and such maps: written as Jackson would. */
    static boolean plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof BigDecimal || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void writePlain(Object value, StringBuilder sb) {
        if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : StableOrder.of(map).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string((String) e.getKey(), sb);
                sb.append(':');
                writePlain(e.getValue(), sb);
            }
            sb.append('}');
        } else if (value instanceof String s) {
            string(s, sb);
        } else {
            sb.append(value); // null, booleans, whole numbers; BigDecimal.toString() as Jackson writes it by default
        }
    }

    /** Jackson's escaping: quote, backslash and control characters; everything else as it is. */
    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
