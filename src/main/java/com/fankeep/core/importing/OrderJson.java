package com.fankeep.core.importing;

import com.fankeep.core.importing.ImportRepository.StoredOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The before-image of an order an import changed, kept in the audit log so undo restores it. */
final class OrderJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OrderJson() {
    }

    static String beforeImage(StoredOrder s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", s.status());
        m.put("platform_status", s.platformStatus());
        m.put("paid_amount", s.paidAmount() == null ? null : s.paidAmount().toPlainString());
        m.put("refunded_amount", s.refundedAmount() == null ? null : s.refundedAmount().toPlainString());
        m.put("tracking_no", s.trackingNo());
        m.put("carrier", s.carrier());
        m.put("shipped_at", s.shippedAt() == null ? null : s.shippedAt().toString());
        m.put("completed_at", s.completedAt() == null ? null : s.completedAt().toString());
        m.put("seller_note", s.sellerNote());
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> read(String json) {
        try {
            return MAPPER.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable undo record: " + e.getMessage(), e);
        }
    }
}
