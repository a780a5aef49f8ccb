package com.fankeep.core.merge;

import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every import that brought customers or orders ends with a duplicates scan (issue #11), so the review list is
 * filled when the import is done instead of after a `duplicates scan` by hand. A failure leaves the import as it is:
 * the next scan catches up.
 */
public final class ScanAfterImport implements ImportListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScanAfterImport.class);

    private final MergeService merges;
    private final AtomicReference<ScanResult> last = new AtomicReference<>();

    public ScanAfterImport(MergeService merges) {
        this.merges = merges;
    }

    @Override
    public void committed(ImportSummary summary) {
        if (summary.newCustomers() == 0 && summary.matchedCustomers() == 0 && summary.newOrders() == 0) {
            return;
        }
        try {
            ScanResult r = merges.scan(Progress.NONE, Cancellation.none());
            last.set(r);
            LOG.info("duplicates scan after import: {} pairs, {} new", r.pairsFound(), r.newSuggestions());
        } catch (RuntimeException e) {
            LOG.error("duplicates scan after import failed; `duplicates scan` catches up", e);
        }
    }

    /** The last scan's result, or null before the first import. */
    public ScanResult last() {
        return last.get();
    }
}
