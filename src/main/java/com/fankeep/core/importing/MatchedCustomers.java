package com.fankeep.core.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
     * @param written the existing customers the run wrote an order or a channel for (a superset is fine): only they
     *                are looked at, so the count costs what the import touched, not the size of the customer table
     */
    static Recount recount(Connection c, List<FileSummary> files, java.util.Collection<Long> written) throws SQLException {
        List<Long> runBatches = files.stream().map(FileSummary::batchId).filter(java.util.Objects::nonNull).toList();
        if (runBatches.isEmpty()) {
            return new Recount(files, 0);
        }
        List<Long> candidates = List.copyOf(written);
        List<FileSummary> out = new ArrayList<>(files.size());
        for (FileSummary f : files) {
            out.add(f.batchId() == null ? f : withMatched(f, count(c, candidates, List.of(f.batchId()), runBatches),
                    metInOtherFiles(c, f.batchId(), runBatches)));
        }
        return new Recount(out, count(c, candidates, runBatches, runBatches));
    }

    /**
     * Customers among {@code candidates} not created by {@code runBatches} that {@code batches} gave an order or a
     * channel; counted per chunk of ids (an id list H2 looks up by the primary key), the chunks summed.
     */
    private static long count(Connection c, List<Long> candidates, List<Long> batches, List<Long> runBatches) throws SQLException {
        long n = 0;
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            n += countChunk(c, candidates.subList(from, Math.min(candidates.size(), from + CHUNK)), batches, runBatches);
        }
        return n;
    }

    private static final int CHUNK = 500;

    private static long countChunk(Connection c, List<Long> ids, List<Long> batches, List<Long> runBatches) throws SQLException {
        String in = batches.stream().map(String::valueOf).collect(Collectors.joining(","));
        String run = runBatches.stream().map(String::valueOf).collect(Collectors.joining(","));
        String sql = "select count(*) from customer c where c.id in (" + "?,".repeat(ids.size() - 1) + "?) "
                + "and (c.created_batch_id is null or c.created_batch_id not in (" + run + ")) and (exists (select 1 from shop_order o where o.customer_id = c.id and o.import_batch_id in (" + in
                + ")) or exists (select 1 from contact_channel ch where ch.customer_id = c.id and ch.import_batch_id in ("
                + in + ")))";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
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
