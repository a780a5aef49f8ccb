package com.fankeep.core.tier;

import com.fankeep.core.importing.FileSummary;
import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;
import java.util.Collection;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After an import or its undo: recomputes the tiers of the customers whose orders it changed, and only those. */
public final class TierImportListener implements ImportListener {

    private static final Logger LOG = LoggerFactory.getLogger(TierImportListener.class);

    private final TierService tiers;

    public TierImportListener(TierService tiers) {
        this.tiers = tiers;
    }

    /** Only when a caller gives no customer ids: finds them from the batches. */
    @Override
    public void committed(ImportSummary summary) {
        try {
            var batches = summary.files().stream().map(FileSummary::batchId).filter(Objects::nonNull).toList();
            tiers.importCommitted(batches);
        } catch (RuntimeException e) {
            LOG.error("tiers not updated after an import; the daily pass or a full recompute will", e);
        }
    }

    /** The run names the customers whose orders it wrote or changed: no query by batch needed (ADR 0015). */
    @Override
    public void committed(ImportSummary summary, java.util.Set<Long> orderCustomerIds) {
        try {
            tiers.recompute(orderCustomerIds, TierReason.IMPORT);
        } catch (RuntimeException e) {
            LOG.error("tiers not updated after an import; the daily pass or a full recompute will", e);
        }
    }

    /**
     * The bulk path: on the copy, before its indexes are built, so the tier rows go in inside the swap's all-or-nothing
     * (ADR 0055). Not when referrals count (then after the swap, as before).
     */
    @Override
    public boolean onBulkCopy(java.sql.Connection copy, ImportSummary summary, java.util.Set<Long> orderCustomerIds, Written written)
            throws java.sql.SQLException {
        return tiers.recomputeOnCopy(copy, orderCustomerIds, TierReason.IMPORT);
    }

    @Override
    public void undone(long batchId, Collection<Long> customerIds) {
        try {
            tiers.recompute(customerIds, TierReason.UNDO);
        } catch (RuntimeException e) {
            LOG.error("tiers not updated after undoing import {}", batchId, e);
        }
    }
}
