package com.fankeep.core.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** What a backup file holds, read from its manifest: when it was made, the schema version and the rows per table. */
public record BackupInfo(Path file, Instant createdAt, String schemaVersion, String reason, Map<String, Long> rowCounts,
                         long fileBytes) {

    /** Automatic (rotated), manual (kept until deleted by hand) or a safety copy, from the manifest's reason. */
    public BackupKind kind() {
        return BackupKind.ofReason(reason);
    }

    public long rows(String table) {
        return rowCounts.getOrDefault(table, 0L);
    }
}
