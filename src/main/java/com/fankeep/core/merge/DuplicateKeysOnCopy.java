package com.fankeep.core.merge;

import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * On the bulk path's copy, before its indexes are built again: the duplicates scan's keys of every customer the load
 * marked, stored while the key table's hash index is dropped (ADR 0044, 0023). Stored after the swap instead, by the
 * scan the import ends with, 2.4 million keys went one by one into that index: 120 s of the 1,000,000-order import.
 * On the normal path the scan stores them, as before.
 *
 * <p>When a tenth of the shop or more is marked (a big import), the keys come from one read of the three tables whole,
 * their rows fetched on a second thread (as V0196's rebuild), and go in by statements of many rows (ADR 0055): reading
 * 20,000 customers at a time by id cost three statements per 1,000 ids, each a read of a table whose customer index
 * the copy has dropped.
 */
public final class DuplicateKeysOnCopy implements ImportListener {

    private static final int PART = 20_000;

    @Override
    public boolean onBulkCopy(Connection copy, ImportSummary summary, Set<Long> orderCustomerIds, Written written)
            throws SQLException {
        Set<Long> marked = DuplicateKeys.marked(copy);
        DuplicateScanner scanner = new DuplicateScanner(copy, Cancellation.none());
        if (marked.size() * 10L >= customers(copy)) {
            Map<Long, long[]> keys = scanner.keysOfAllOf(marked);
            DuplicateKeys.storeAll(copy, keys, marked);
            return true;
        }
        List<Long> ids = List.copyOf(new TreeSet<>(marked));
        for (int from = 0; from < ids.size(); from += PART) {
            DuplicateKeys.refresh(copy, ids.subList(from, Math.min(ids.size(), from + PART)), Cancellation.none());
        }
        return true;
    }

    private static long customers(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("select count(*) from customer")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void committed(ImportSummary summary) {
        // the normal path: the scan after the import stores the keys of the customers it marked
    }
}
