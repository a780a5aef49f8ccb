package com.fankeep.core.insight;

import com.fankeep.core.shared.Messages;

/** The localized names of figures, charts and chart columns: one place for the page and the XLSX export. */
public final class DashboardText {

    private final Messages m;

    public DashboardText(Messages m) {
        this.m = m;
    }

    /** {@code revenue.CNY} → "Revenue (CNY)", {@code tier.vip} → "VIP customers". */
    public String figure(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return m.get("dashboard.figure." + key);
        }
        String head = key.substring(0, dot);
        String tail = key.substring(dot + 1);
        return m.get("dashboard.figure." + head, head.startsWith("tier") ? tier(tail) : tail);
    }

    public String chart(String key) {
        return m.get("dashboard.chart." + key);
    }

    public String column(String code) {
        if (DashboardService.TIER_CODES.contains(code)) {
            return tier(code);
        }
        if (code.startsWith("revenue.")) {
            return m.get("dashboard.column.revenue", code.substring("revenue.".length()));
        }
        if (code.matches("m\\d+")) {
            return m.get("dashboard.column.monthsSince", Integer.parseInt(code.substring(1)));
        }
        return m.get("dashboard.column." + code);
    }

    /** A row label: funnel states are codes, the rest (months, places, items) are shown as they are. */
    public String row(ChartData chart, String label) {
        return chart.key().equals("funnel") ? m.get("dashboard.column." + label) : label;
    }

    private String tier(String code) {
        return code.equals("none") ? m.get("tier.none") : m.get("customers.tier." + code);
    }
}
