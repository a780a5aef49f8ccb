package com.fankeep.core.customer;

/**
 * A list request: optional search text (ranked by the search index, one page of best hits), filter and sort.
 * The default, newest customers first (by id), is the one H2 pages fastest (its primary key).
 */
public record CustomerQuery(String search, CustomerFilter filter, CustomerSort sort, boolean descending) {

    public CustomerQuery {
        search = search == null ? "" : search.strip();
        filter = filter == null ? CustomerFilter.NONE : filter;
        sort = sort == null ? CustomerSort.ID : sort;
    }

    public static CustomerQuery all() {
        return new CustomerQuery("", CustomerFilter.NONE, CustomerSort.ID, true);
    }
}
