package com.fankeep.core.insight;

import java.math.BigDecimal;
import java.util.List;

/**
 * The data of one chart as a table: a row per bar group (a month, a province, an item …), a value per column (a tier,
 * new/returning, a currency, months since the first order …). Column codes are localized by the UI
 * (dashboard.column.*, tiers, currencies as they are).
 */
public record ChartData(String key, List<String> columns, List<Row> rows) {

    /**
     * @param rule the segment rule naming this row's customers, null when none can
     * @param link the page this row opens when no rule names its customers (a campaign, a launch), null when none
     * @param columnRules per column, the rule naming the customers behind that bar (a campaign's claims, its shipped
     *                    gifts …), null entries (or null) where the row's rule or link applies
     */
    public record Row(String label, List<BigDecimal> values, String rule, Link link, List<String> columnRules) {

        public Row(String label, List<BigDecimal> values, String rule) {
            this(label, values, rule, null, null);
        }

        public Row(String label, List<BigDecimal> values, String rule, Link link) {
            this(label, values, rule, link, null);
        }

        /** The rule naming the customers behind this row's bar of column {@code column}: its own, else the row's. */
        public String rule(int column) {
            String own = columnRules == null || column >= columnRules.size() ? null : columnRules.get(column);
            return own != null ? own : rule;
        }
    }

    /** A page of the app and the thing on it: {@code campaign} or {@code launch} and its id. */
    public record Link(String page, long id) {
    }
}
