package com.fankeep.core.insight;

import java.math.BigDecimal;
import java.util.List;

/**
 * The data of one chart as a table: a row per bar group (a month, a province, an item …), a value per column (a tier,
 * new/returning, a currency, months since the first order …). Column codes are localized by the UI
 * (dashboard.column.*, tiers, currencies as they are).
 */
public record ChartData(String key, List<String> columns, List<Row> rows) {

    /** @param rule the segment rule naming this row's customers, null when none can */
    public record Row(String label, List<BigDecimal> values, String rule) {
    }
}
