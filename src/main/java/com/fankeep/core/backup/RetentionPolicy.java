package com.fankeep.core.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which automatic backups to keep: the newest of each of the last {@code daily} days that have one, of the last
 * {@code weekly} ISO weeks and of the last {@code monthly} months (grandfather-father-son). The newest is always kept.
 */
public record RetentionPolicy(int daily, int weekly, int monthly) {

    public static final RetentionPolicy DEFAULT = new RetentionPolicy(7, 4, 12);

    public RetentionPolicy {
        if (daily < 1 || weekly < 0 || monthly < 0) {
            throw new IllegalArgumentException("keep at least one daily backup; weekly and monthly may be 0");
        }
    }

    /** The times to keep out of {@code times}, in the owner's time zone. */
    public Set<Instant> keep(List<Instant> times, ZoneId zone) {
        List<Instant> newestFirst = new ArrayList<>(times);
        newestFirst.sort(Comparator.reverseOrder());
        Set<Instant> kept = new LinkedHashSet<>();
        kept.addAll(newestPer(newestFirst, daily, t -> LocalDate.ofInstant(t, zone)));
        kept.addAll(newestPer(newestFirst, weekly, t -> {
            LocalDate d = LocalDate.ofInstant(t, zone);
            return d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }));
        kept.addAll(newestPer(newestFirst, monthly, t -> {
            LocalDate d = LocalDate.ofInstant(t, zone);
            return d.getYear() * 100 + d.getMonthValue();
        }));
        return kept;
    }

    private static List<Instant> newestPer(List<Instant> newestFirst, int periods, Function<Instant, Object> period) {
        List<Instant> kept = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Instant t : newestFirst) {
            if (seen.size() == periods && !seen.contains(period.apply(t))) {
                break;
            }
            if (seen.add(period.apply(t))) {
                kept.add(t);
            }
        }
        return kept;
    }
}
