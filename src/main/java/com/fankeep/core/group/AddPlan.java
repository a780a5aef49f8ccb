package com.fankeep.core.group;

import java.util.List;

/**
 * What adding a set of customers to a group would do, before anything is written (the confirmation asks from this).
 *
 * @param toAdd        live customers not currently members (former members rejoin)
 * @param notEligible  among {@code toAdd}, those not meeting the eligibility segment
 * @param already      current members already
 * @param unknown      ids that are no live customer
 * @param free         places left before adding, -1 without a limit
 */
public record AddPlan(String group, List<Long> toAdd, List<Long> notEligible, List<Long> already, List<Long> unknown, int free) {

    public AddPlan {
        toAdd = List.copyOf(toAdd);
        notEligible = List.copyOf(notEligible);
        already = List.copyOf(already);
        unknown = List.copyOf(unknown);
    }

    public boolean fits() {
        return free < 0 || toAdd.size() <= free;
    }
}
