package com.fankeep.core.customer;

import java.util.List;

/**
 * One page of the customer list.
 *
 * @param next where the following page starts, or null when this was the last one
 */
public record CustomerPage(List<CustomerRow> rows, PageCursor next) {

    public CustomerPage {
        rows = List.copyOf(rows);
    }

    /** The sort value and id of the last row shown: the next page starts after it. */
    public record PageCursor(Object sortValue, long id) {
    }
}
