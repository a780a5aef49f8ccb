package com.fankeep.core.merge;

import com.fankeep.core.importing.AfterImportCheck;
import com.fankeep.core.importing.ImportSummary;
import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every import that changed something ends, in its own job, with a duplicates scan of the customers it created or
 * changed (issue #11): the review list is filled when the import is done, and the result says how many pairs were
 * found. Not the whole shop (that is `duplicates scan`): the others were scanned when they came in.
 */
public final class ScanAfterImport implements AfterImportCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ScanAfterImport.class);

    private final MergeService merges;

    public ScanAfterImport(MergeService merges) {
        this.merges = merges;
    }

    @Override
    public int check(ImportSummary summary, Set<Long> customerIds, Progress progress, Cancellation cancellation) {
        // the run names them: looking them up by batch read the channel and customer tables whole (no batch index)
        Set<Long> touched = new TreeSet<>(customerIds);
        ScanResult r = merges.scanCustomers(touched, (done, total, message) -> progress.update(done, total, "duplicates"), cancellation);
        LOG.info("duplicates scan of {} customers after import: {} pairs, {} new", touched.size(), r.pairsFound(), r.newSuggestions());
        return r.pairsFound();
    }
}
