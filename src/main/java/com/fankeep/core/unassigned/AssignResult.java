package com.fankeep.core.unassigned;

import java.util.List;

/** What an assignment did: its undo record, the customer, and the orders it attached (the whole buyer group). */
public record AssignResult(long auditId, long customerId, List<String> orderNos) {

    public AssignResult {
        orderNos = List.copyOf(orderNos);
    }
}
