package com.fankeep.core.merge;

import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * On the bulk path's copy, before its indexes are built again: the duplicates scan's keys of every customer the load
 * marked, stored while the key table's hash index is dropped (ADR 0044, 0023). Stored after the swap instead, by the
 * scan the import ends with, 2.4 million keys went one by one into that index: 120 s of the 1,000,000-order import.
 * On the normal path the scan stores them, as before.
 */
public final class DuplicateKeysOnCopy implements ImportListener {

    private static final int PART = 20_000;

    @Override
    public boolean onBulkCopy(Connection copy, ImportSummary summary, Set<Long> orderCustomerIds, Written written)
            throws SQLException {
        List<Long> ids = List.copyOf(new TreeSet<>(DuplicateKeys.marked(copy)));
        for (int from = 0; from < ids.size(); from += PART) {
            DuplicateKeys.refresh(copy, ids.subList(from, Math.min(ids.size(), from + PART)), Cancellation.none());
        }
        return true;
    }

    @Override
    public void committed(ImportSummary summary) {
        // the normal path: the scan after the import stores the keys of the customers it marked
    }
}
