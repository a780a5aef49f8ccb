package com.fankeep.core.importing;

import com.fankeep.core.importing.model.ImportProblem;
import java.util.List;

/**
 * The result of preparing an import: what will happen when it is committed ("3,204 orders, 1,187 new customers,
 * 412 matched to existing, 17 rows with problems").
 *
 * @param firstProblems the first problems (at most {@link #MAX_LISTED}); all of them are stored with the batch
 */
public record ImportSummary(List<FileSummary> files, long newOrders, long updatedOrders, long unchangedOrders,
                            long newCustomers, long matchedCustomers, long problems,
                            List<ImportProblem> firstProblems) {

    public static final int MAX_LISTED = 200;

    public ImportSummary {
        files = List.copyOf(files);
        firstProblems = List.copyOf(firstProblems);
    }

    /** Of {@link #problems()}, the notes (nothing lost, nothing to fix). */
    public long notes() {
        return files.stream().mapToLong(FileSummary::notes).sum();
    }

    /** True when committing would change nothing (e.g. the same file again). */
    public boolean nothingNew() {
        return files.stream().noneMatch(FileSummary::changedSomething);
    }
}
