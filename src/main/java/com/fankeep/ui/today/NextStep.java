package com.fankeep.ui.today;

import com.fankeep.core.importing.ImportService;
import com.fankeep.core.merge.MergeService;
import com.fankeep.core.recovery.RecoveryState;
import com.fankeep.core.recovery.RecoveryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Something worth doing when nothing is due today, read from the data: a count and the page that does it. */
public record NextStep(Page page, int count) {

    /** The pages a next step leads to. */
    public enum Page { WIN_BACK, DUPLICATES, IMPORT }

    /** Duplicate pairs are counted up to this many ("100+"). */
    static final int DUPLICATES_COUNTED = 100;

    /**
     * Lapsed customers not yet won back (not in the pipeline, or still to contact), duplicate pairs to review, and
     * "import" when nothing was ever imported; most useful first, only those with something to do. Off the FX thread.
     */
    public static List<NextStep> read(RecoveryService recovery, MergeService merges, ImportService imports) {
        List<NextStep> out = new ArrayList<>();
        if (imports.batches().isEmpty()) {
            out.add(new NextStep(Page.IMPORT, 0));
        }
        Map<RecoveryState, Integer> counts = recovery.counts();
        int lapsed = counts.getOrDefault(RecoveryState.NONE, 0) + counts.getOrDefault(RecoveryState.TO_CONTACT, 0);
        if (lapsed > 0) {
            out.add(new NextStep(Page.WIN_BACK, lapsed));
        }
        int pairs = merges.countSuggestions(DUPLICATES_COUNTED + 1);
        if (pairs > 0) {
            out.add(new NextStep(Page.DUPLICATES, pairs));
        }
        return out;
    }
}
