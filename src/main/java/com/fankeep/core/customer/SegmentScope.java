package com.fankeep.core.customer;

import java.util.List;
import org.jooq.Condition;

/**
 * Narrows the customer list to a segment (core.segment implements it; customers do not depend on segments). Set on
 * {@link CustomerService#useSegments} by the wiring.
 */
public interface SegmentScope {

    /** The condition on {@code customer} of a saved segment's name or a rule text (throws on a bad rule). */
    Condition condition(String ruleOrSavedName);

    /** The saved segments' names, for the filter choice. */
    List<String> names();
}
