package com.fankeep.core.group;

import java.util.List;

/**
 * What an add did.
 *
 * @param added      customers who are now current members (new or rejoined)
 * @param exceptions among them, those added outside the eligibility segment (recorded on their membership)
 * @param already    were current members already (unchanged)
 * @param unknown    ids of no live customer (skipped)
 */
public record AddResult(List<Long> added, List<Long> exceptions, List<Long> already, List<Long> unknown) {

    public AddResult {
        added = List.copyOf(added);
        exceptions = List.copyOf(exceptions);
        already = List.copyOf(already);
        unknown = List.copyOf(unknown);
    }
}
