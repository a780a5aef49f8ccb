package com.fankeep.core.importing.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys → customers, held in memory for the length of an import: loaded from the stored channels, then kept up to
 * date with the customers the import creates, so the 300,000th row finds the buyer the 3rd row created.
 */
public final class IdentityIndex {

    private final Map<IdentityKey, CustomerRef> byKey = new HashMap<>();
    private final Map<Long, CustomerRef> existing = new HashMap<>();

    /**
     * Adds a stored key (from contact_channel) of an existing customer. A key two live customers share (an owner's
     * edit can make one) finds the one with the lowest id, in whatever order the keys are read.
     */
    public void addExisting(IdentityKey key, long customerId) {
        byKey.merge(key, existing.computeIfAbsent(customerId, CustomerRef::existing),
                (kept, other) -> kept.id() <= other.id() ? kept : other);
    }

    public int size() {
        return byKey.size();
    }

    /**
     * Finds the buyer by the most trusted key that is known; a buyer no key knows becomes a new customer. All the
     * buyer's keys then point to that customer (unless they already point elsewhere: that is reported as a conflict).
     *
     * @param keys the buyer's keys (any order)
     */
    public Resolution resolve(List<IdentityKey> keys) {
        List<IdentityKey> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparing(IdentityKey::kind));
        CustomerRef found = null;
        IdentityKey foundBy = null;
        for (IdentityKey k : ordered) {
            CustomerRef c = byKey.get(k);
            if (c != null) {
                found = c;
                foundBy = k;
                break;
            }
        }
        CustomerRef customer = found != null ? found : CustomerRef.created();
        List<Resolution.Conflict> conflicts = new ArrayList<>();
        List<IdentityKey> added = new ArrayList<>();
        for (IdentityKey k : ordered) {
            CustomerRef current = byKey.putIfAbsent(k, customer);
            if (current == null) {
                added.add(k);
            } else if (current != customer && conflicts.stream().noneMatch(c -> c.other() == current)) {
                conflicts.add(new Resolution.Conflict(current, k));
            }
        }
        return new Resolution(customer, foundBy, conflicts, added);
    }
}
