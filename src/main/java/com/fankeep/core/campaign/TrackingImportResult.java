package com.fankeep.core.campaign;

import java.util.List;

/**
 * What a courier file gave back.
 *
 * @param shipped   entries marked shipped
 * @param unmatched rows that matched no entry still to ship: "row N: name phone" (phone masked)
 */
public record TrackingImportResult(int shipped, List<String> unmatched) {

    public TrackingImportResult {
        unmatched = List.copyOf(unmatched);
    }
}
