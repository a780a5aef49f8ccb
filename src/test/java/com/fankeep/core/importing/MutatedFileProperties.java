package com.fankeep.core.importing;

import com.fankeep.testing.PropertyRunner;
import org.junit.jupiter.api.Test;

/**
 * Damaged exports (truncated, bytes flipped, a column dropped, the wrong encoding) never crash the import and never
 * change what was stored before: they are refused with a reason or imported with problems (see {@link MutatedFiles}).
 * 60 tries a run, each run with a new seed, printed and settable ({@link PropertyRunner}).
 */
class MutatedFileProperties {

    @Test
    void aDamagedFileIsRefusedOrImportedWithProblemsAndNothingEarlierChanges() throws Exception {
        try (MutatedFiles files = new MutatedFiles()) {
            PropertyRunner.check("MutatedFileProperties", 60, MutatedFiles.Mutation::draw, files::check);
        }
    }
}
