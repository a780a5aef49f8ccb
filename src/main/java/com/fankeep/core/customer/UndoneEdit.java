package com.fankeep.core.customer;

import java.util.List;

/**
 * An edit that was just made or just undone.
 *
 * @param kind what kind of change it was (name, note, channel_add, tag …), for the undo bar's text
 */
public record UndoneEdit(long auditId, String kind, List<Long> customerIds) {

    public UndoneEdit {
        customerIds = List.copyOf(customerIds);
    }
}
