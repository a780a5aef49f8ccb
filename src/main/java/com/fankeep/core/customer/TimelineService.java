package com.fankeep.core.customer;

import com.fankeep.core.db.Database;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A customer's timeline, newest first, gathered from every registered source (orders built in; interactions and
 * follow-ups add theirs with {@link #addSource}).
 */
public final class TimelineService {

    private static final OffsetDateTime UNDATED = OffsetDateTime.MIN;

    private final Database db;
    private final List<TimelineSource> sources = new CopyOnWriteArrayList<>();

    public TimelineService(Database db) {
        this.db = db;
        sources.add(new OrderTimelineSource());
    }

    public void addSource(TimelineSource source) {
        sources.add(source);
    }

    public List<TimelineEntry> timeline(long customerId) {
        List<TimelineEntry> all = new ArrayList<>();
        for (TimelineSource s : sources) {
            all.addAll(s.entries(db.dsl(), customerId));
        }
        all.sort(Comparator.comparing((TimelineEntry e) -> e.at() == null ? UNDATED : e.at()).reversed()
                .thenComparing(Comparator.comparingLong(TimelineEntry::refId).reversed()));
        return all;
    }
}
