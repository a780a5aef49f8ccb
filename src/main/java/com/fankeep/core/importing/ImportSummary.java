package com.fankeep.core.importing;

import com.fankeep.core.importing.model.ImportProblem;
import java.util.List;

/**
 * The result of preparing an import: what will happen when it is committed ("3,204 orders, 1,187 new customers,
 * 412 matched to existing, 17 rows with problems").
 *
 * @param firstProblems the first problems (at most {@link #MAX_LISTED}); all of them are stored with the batch
 * @param possibleDuplicates pairs the duplicates scan at the end of the import found with the customers it created or
 *                           changed; -1 before that scan ran (a preview, or no scan)
 */
public record ImportSummary(List<FileSummary> files, long newOrders, long updatedOrders, long unchangedOrders,
                            long newCustomers, long matchedCustomers, long problems,
                            List<ImportProblem> firstProblems, int possibleDuplicates) {

    public static final int MAX_LISTED = 200;

    public ImportSummary(List<FileSummary> files, long newOrders, long updatedOrders, long unchangedOrders,
                         long newCustomers, long matchedCustomers, long problems, List<ImportProblem> firstProblems) {
        this(files, newOrders, updatedOrders, unchangedOrders, newCustomers, matchedCustomers, problems, firstProblems, -1);
    }

    /** The same, with the count of the duplicates scan that ended the import. */
    public ImportSummary withPossibleDuplicates(int pairs) {
        return new ImportSummary(files, newOrders, updatedOrders, unchangedOrders, newCustomers, matchedCustomers, problems,
                firstProblems, pairs);
    }

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
