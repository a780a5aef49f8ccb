package com.fankeep.core.backup;

import java.nio.file.Path;

/** A restore that happened: what was restored, and where the database it replaced was kept (null if there was none). */
public record RestoreResult(BackupInfo restored, Path previousKeptAt) {
}
