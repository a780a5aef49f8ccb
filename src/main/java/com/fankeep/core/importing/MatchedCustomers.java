package com.fankeep.core.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Matched to existing" as the preview states it: customers that were there before this import and get a new order
 * or a new contact channel from it. Counted from what the open import transaction wrote, so a customer two files
 * of one run both add to counts once in the total, and a re-import that adds nothing matches nobody.
 */
final class MatchedCustomers {

    private MatchedCustomers() {
    }

    /** The file summaries with their matched counts recounted, and the run's total. */
    record Recount(List<FileSummary> files, long total) {
    }

    /**
     * @param metByBatch per file's batch, the customers from before the run it gave an order or a channel, as the run
     *                   wrote them (counting them again from the tables fetched a page per stored order: 3 s at
     *                   1,000,000 orders)
     */
    static Recount recount(Connection c, List<FileSummary> files, Map<Long, Set<Long>> metByBatch) throws SQLException {
        List<Long> runBatches = files.stream().map(FileSummary::batchId).filter(java.util.Objects::nonNull).toList();
        if (runBatches.isEmpty()) {
            return new Recount(files, 0);
        }
        Set<Long> all = new HashSet<>();
        List<FileSummary> out = new ArrayList<>(files.size());
        for (FileSummary f : files) {
            if (f.batchId() == null) {
                out.add(f);
                continue;
            }
            Set<Long> met = metByBatch.getOrDefault(f.batchId(), Set.of());
            all.addAll(met);
            out.add(withMatched(f, met.size(), metInOtherFiles(c, f.batchId(), runBatches)));
        }
        return new Recount(out, all.size());
    }

    /** Customers another file of this run created that {@code batch} gave an order or a channel. */
    private static long metInOtherFiles(Connection c, long batch, List<Long> runBatches) throws SQLException {
        if (runBatches.size() == 1) {
            return 0;   // no other file; the query reads the customer table whole (no index on created_batch_id)
        }
        String run = runBatches.stream().map(String::valueOf).collect(Collectors.joining(","));
        String sql = "select count(*) from customer c where c.created_batch_id in (" + run + ") and c.created_batch_id <> "
                + batch + " and (exists (select 1 from shop_order o where o.customer_id = c.id and o.import_batch_id = "
                + batch + ") or exists (select 1 from contact_channel ch where ch.customer_id = c.id and ch.import_batch_id = "
                + batch + ") or exists (select 1 from customer_match m where m.customer_id = c.id and m.import_batch_id = "
                + batch + "))";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static FileSummary withMatched(FileSummary f, long matched, long metInOtherFiles) {
        return new FileSummary(f.file(), f.format(), f.reader(), f.rows(), f.newOrders(), f.updatedOrders(),
                f.unchangedOrders(), f.lines(), f.contacts(), f.newCustomers(), matched, f.newChannels(), f.problems(),
                f.refusal(), f.batchId(), f.notes(), metInOtherFiles, f.amendedInRun());
    }
}
