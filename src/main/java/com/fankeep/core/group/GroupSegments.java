package com.fankeep.core.group;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What groups need from segments (wired to the segment service in CoreServices): a segment is a saved segment's
 * name or a rule.
 */
public interface GroupSegments {

    /** Throws when {@code segment} is neither a saved segment nor a valid rule. */
    void check(String segment);

    /** The customers among {@code customerIds} that meet it. */
    Set<Long> matching(String segment, Collection<Long> customerIds);

    /** Every customer meeting it. */
    List<Long> members(String segment);
}
