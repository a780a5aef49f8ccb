package com.fankeep.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.shared.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import benchmark on small files: every phase of the XLSX one sees every row, and the import takes it for a Taobao
 * export; a second run in the same folder starts from nothing again.
 */
class ImportBenchmarkTest {

    @Test
    void everyPhaseReadsTheSameRows(@TempDir Path work) throws Exception {
        ImportBenchmark.XlsxResult r = ImportBenchmark.runXlsx(work, 3_000, Progress.NONE);

        assertThat(r.rawRead().rows()).isEqualTo(3_000);
        assertThat(r.floor().rows()).isEqualTo(3_000);
        assertThat(r.summary().files().get(0).format()).isEqualTo("taobao_orders");
        assertThat(r.importing().rows()).isEqualTo(3_000);
        assertThat(r.summary().newOrders()).isEqualTo(3_000);
        assertThat(r.summary().newCustomers()).isBetween(800L, (long) r.buyers()); // masked-only buyers are not keys
        assertThat(r.summary().problems()).isLessThan(1_000); // only masked-phone warnings, if any
        assertThat(r.ratio()).isPositive();
    }

    @Test
    void aSecondRunInTheSameFolderMeasuresAnImportIntoAnEmptyShopAgain(@TempDir Path work) throws Exception {
        ImportBenchmark.run(work, 1_000, Progress.NONE);
        ImportBenchmark.Result again = ImportBenchmark.run(work, 1_000, Progress.NONE);

        assertThat(again.floor().rows()).isEqualTo(1_000);
        assertThat(again.summary().newOrders()).isEqualTo(1_000);
        // each step's peak heap is one of the import's samples (ADR 0063)
        assertThat(again.steps()).isNotEmpty().allSatisfy(s -> assertThat(s.peakHeapMb()).isBetween(0L, again.importing().peakHeapMb()));
        assertThat(again.steps()).anySatisfy(s -> assertThat(s.peakHeapMb()).isPositive());
    }
}
