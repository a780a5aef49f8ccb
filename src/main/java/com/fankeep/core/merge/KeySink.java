package com.fankeep.core.merge;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The keys each customer holds, as hashes (ADR 0044): of every customer, or of some. */
final class KeySink {

    private final Set<Long> of;
    final Map<Long, long[]> byCustomer = new HashMap<>();

    /** @param of only these customers' keys; null: everyone's */
    KeySink(Set<Long> of) {
        this.of = of;
    }

    /**
     * The customer recorded last, whether it is wanted and its array: a customer's keys come in runs (its own row, then
     * often several of its channels or orders in a row), so most calls skip the set and the map (ADR 0063).
     */
    private long lastCustomer = Long.MIN_VALUE;
    private boolean lastWanted;
    private long[] last;

    void record(long customer, String tag, String key) {
        if (customer != lastCustomer) {
            lastCustomer = customer;
            lastWanted = of == null || of.contains(customer);
            last = lastWanted ? byCustomer.get(customer) : null;
        }
        if (!lastWanted) {
            return;
        }
        long h = DuplicateKeys.hash(tag, key);
        long[] a = last;
        if (a == null) {
            a = new long[5];
            byCustomer.put(customer, a);
        } else if (a[0] + 1 == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
            byCustomer.put(customer, a);
        }
        last = a;
        a[(int) ++a[0]] = h;   // a[0] counts; the keys follow (repeats are dropped when stored)
    }
}
