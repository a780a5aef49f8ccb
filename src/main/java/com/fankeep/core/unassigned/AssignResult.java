package com.fankeep.core.unassigned;

import java.util.List;

/**
 * What an assignment did: its undo record, the customer, and the orders it attached (the whole buyer group);
 * {@code customerName} when the customer was made for them, else null.
 */
public record AssignResult(long auditId, long customerId, List<String> orderNos, String customerName) {

    public AssignResult {
        orderNos = List.copyOf(orderNos);
    }

    public AssignResult(long auditId, long customerId, List<String> orderNos) {
        this(auditId, customerId, orderNos, null);
    }
}
