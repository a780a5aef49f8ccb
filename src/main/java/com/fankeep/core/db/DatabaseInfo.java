package com.fankeep.core.db;

import java.nio.file.Path;
import java.util.List;

/** What `fankeep db info` shows. */
public record DatabaseInfo(Path dataDir, Path file, long fileBytes, String engine, String engineVersion,
                           String schemaVersion, List<String> appliedMigrations, String durability) {
}
