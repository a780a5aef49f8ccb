package com.fankeep.core.customer;

/**
 * A list request: optional search text (ranked by the search index, one page of best hits), filter and sort.
 */
public record CustomerQuery(String search, CustomerFilter filter, CustomerSort sort, boolean descending) {

    public CustomerQuery {
        search = search == null ? "" : search.strip();
        filter = filter == null ? CustomerFilter.NONE : filter;
        sort = sort == null ? CustomerSort.LAST_ORDER : sort;
    }

    public static CustomerQuery all() {
        return new CustomerQuery("", CustomerFilter.NONE, CustomerSort.LAST_ORDER, true);
    }
}
