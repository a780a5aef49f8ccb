package com.fankeep.core.importing;

import java.time.OffsetDateTime;

/** One imported file as listed on the Imports page. */
public record ImportBatch(long id, String fileName, String format, String reader, String status, OffsetDateTime startedAt,
                          OffsetDateTime finishedAt, OffsetDateTime undoneAt, int rows, int orders, int lines,
                          int newCustomers, int matchedCustomers, int problems) {
}
