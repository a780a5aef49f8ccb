package com.fankeep.core.importing;

import static com.fankeep.core.db.jooq.Tables.IMPORT_BATCH;
import static com.fankeep.core.db.jooq.Tables.IMPORT_PROBLEM;

import com.fankeep.core.importing.model.ImportProblem;
import java.util.List;
import org.jooq.DSLContext;

/** Reads import batches and their problems. */
final class BatchRepository {

    private final DSLContext dsl;

    BatchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<ImportBatch> batches() {
        return dsl.selectFrom(IMPORT_BATCH).where(IMPORT_BATCH.STATUS.in("committed", "undone"))
                .orderBy(IMPORT_BATCH.ID.desc())
                .fetch(r -> new ImportBatch(r.getId(), r.getFileName(), r.getFormat(), r.getEncoding(), r.getStatus(),
                        r.getStartedAt(), r.getFinishedAt(), r.getUndoneAt(), r.getRowCount(), r.getOrderCount(),
                        r.getLineCount(), r.getNewCustomerCount(), r.getMatchedCustomerCount(), r.getProblemCount()));
    }

    List<ImportProblem> problems(long batchId) {
        return dsl.selectFrom(IMPORT_PROBLEM).where(IMPORT_PROBLEM.BATCH_ID.eq(batchId))
                .orderBy(IMPORT_PROBLEM.FILE_NAME, IMPORT_PROBLEM.ROW_NO, IMPORT_PROBLEM.ID)
                .fetch(r -> new ImportProblem(r.getFileName(), r.getRowNo() == null ? 0 : r.getRowNo(), r.getColumnName(),
                        r.getRawValue(), r.getCode(), r.getMessage(), "warning".equals(r.getSeverity())));
    }
}
