package com.fankeep.core.segment;

/** How many customers a rule selects, and how many of them asked not to be contacted (left out of audiences). */
public record SegmentSize(long count, long doNotContact) {
}
