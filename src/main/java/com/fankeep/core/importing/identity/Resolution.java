package com.fankeep.core.importing.identity;

import java.util.List;

/**
 * Who an imported buyer is.
 *
 * @param matchedBy  the key that matched an existing customer, or null when the customer is new
 * @param conflicts  other customers some of the buyer's keys point to: suggestions for the owner, never merged here
 * @param addedKeys  keys the index did not know before: new contact channels of this customer
 */
public record Resolution(CustomerRef customer, IdentityKey matchedBy, List<Conflict> conflicts, List<IdentityKey> addedKeys) {

    /** Another customer that shares a key with this buyer. */
    public record Conflict(CustomerRef other, IdentityKey key) {
    }

    public boolean isNew() {
        return matchedBy == null;
    }
}
