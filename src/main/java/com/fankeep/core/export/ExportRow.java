package com.fankeep.core.export;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One customer as exports write them. {@code phones} are the real numbers (masked ones from platforms are left out);
 * {@code netSpend} is in {@code currency}, the customer's main one.
 */
record ExportRow(long id, String name, String gender, String province, String city, List<String> phones,
                 List<String> wechat, List<String> qq, List<String> email, List<String> addresses, List<String> tags,
                 int orderCount, String currency, BigDecimal netSpend, OffsetDateTime firstOrderAt, OffsetDateTime lastOrderAt,
                 String lastItem, String recoveryState, String tier, String note) {
}
