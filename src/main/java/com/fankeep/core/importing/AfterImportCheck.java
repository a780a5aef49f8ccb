package com.fankeep.core.importing;

import com.fankeep.core.shared.Cancellation;
import com.fankeep.core.shared.Progress;
import java.util.Set;

/**
 * The last step of an import's own job, after its commit: the duplicates scan of the customers it created or changed
 * (issue #11), with the job's progress, so the result can say how many possible duplicates it found. It runs after the
 * commit: a failure or a cancel leaves the import as it is, and `duplicates scan` catches up.
 */
@FunctionalInterface
public interface AfterImportCheck {

    /**
     * @param customerIds the customers the import created, gave a channel, or whose orders it wrote or changed
     * @return possible duplicate pairs found with those customers
     */
    int check(ImportSummary summary, Set<Long> customerIds, Progress progress, Cancellation cancellation);
}
