package com.fankeep.core.tier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The recency thresholds as instants for one day: "within N days" means the last paid order is on or after the start
 * of the day N days ago (in the shop's time zone); lapsed means before the start of the day {@code lapsedAfterDays} ago.
 */
record TierCutoffs(OffsetDateTime iron, OffsetDateTime vip, OffsetDateTime newcomer, OffsetDateTime lapsed) {

    static TierCutoffs on(LocalDate today, ZoneId zone, TierSettings s) {
        return new TierCutoffs(daysBefore(today, zone, s.ironWithinDays()), daysBefore(today, zone, s.vipWithinDays()),
                daysBefore(today, zone, s.newWithinDays()), daysBefore(today, zone, s.lapsedAfterDays()));
    }

    static OffsetDateTime daysBefore(LocalDate today, ZoneId zone, int days) {
        return today.minusDays(days).atStartOfDay(zone).toOffsetDateTime();
    }
}
