package com.fankeep.core.customer;

import java.util.List;
import org.jooq.DSLContext;

/** Something that puts entries on a customer's timeline (orders; later interactions and follow-ups). */
public interface TimelineSource {

    List<TimelineEntry> entries(DSLContext dsl, long customerId);
}
