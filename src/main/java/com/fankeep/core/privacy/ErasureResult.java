package com.fankeep.core.privacy;

import java.util.List;

/**
 * What an erasure did: the customer records cleared (the customer and the duplicates merged into it), the orders
 * kept but anonymized, and the rows removed. {@code alreadyErased} when there was nothing left to erase.
 */
public record ErasureResult(long customerId, List<Long> customerIds, int ordersAnonymized, int rowsRemoved,
                            boolean alreadyErased) {
}
