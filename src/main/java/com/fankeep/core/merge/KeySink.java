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

    void record(long customer, String tag, String key) {
        if (of != null && !of.contains(customer)) {
            return;
        }
        long h = DuplicateKeys.hash(tag, key);
        long[] a = byCustomer.get(customer);
        if (a == null) {
            a = new long[5];
            byCustomer.put(customer, a);
        } else if (a[0] + 1 == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
            byCustomer.put(customer, a);
        }
        a[(int) ++a[0]] = h;   // a[0] counts; the keys follow (repeats are dropped when stored)
    }
}
