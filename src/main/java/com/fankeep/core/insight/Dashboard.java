package com.fankeep.core.insight;

import java.util.List;

/** Every figure of a period, with how many days count as "active". */
public record Dashboard(DashboardQuery query, int activeDays, List<Figure> figures) {

    public Figure figure(String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }
}
