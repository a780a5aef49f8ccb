package com.fankeep.core.recovery;

import com.fankeep.core.importing.ImportListener;
import com.fankeep.core.importing.ImportSummary;

/** After each import: who in the pipeline bought again is "active again"; after an undo, who no longer did goes back. */
public final class RecoveryImportListener implements ImportListener {

    private final RecoveryService recovery;

    public RecoveryImportListener(RecoveryService recovery) {
        this.recovery = recovery;
    }

    @Override
    public void committed(ImportSummary summary) {
        recovery.catchUp();
    }

    @Override
    public void undone(long batchId) {
        recovery.revertWithoutNewOrders();
    }
}
