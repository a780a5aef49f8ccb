package com.fankeep.core.customer;

import java.util.Collection;

/** Told after customers were created, edited, merged or erased, so views and the search index can catch up. */
public interface CustomerChangeListener {

    CustomerChangeListener NONE = ids -> { };

    /** Called after the transaction that changed these customers committed. */
    void customersChanged(Collection<Long> customerIds);
}
