package com.fankeep.core.backup;

/**
 * Who made a backup. Only automatic ones are rotated away; a backup the owner asked for stays until the owner
 * deletes it, and the safety copies taken before a restore or a password change are kept apart (newest few).
 */
public enum BackupKind {
    AUTOMATIC, MANUAL, SAFETY;

    /** From the manifest's reason: "manual" (Back up now, --out), "before-…" (safety), else automatic (exit, daily). */
    public static BackupKind ofReason(String reason) {
        if ("manual".equals(reason)) {
            return MANUAL;
        }
        return reason != null && reason.startsWith("before-") ? SAFETY : AUTOMATIC;
    }

    /** From a backups-folder file name's tag ({@code fankeep-…-manual.zip}); null for an untagged (automatic) name. */
    static BackupKind ofTag(String tag) {
        if (tag == null) {
            return AUTOMATIC;
        }
        if (tag.startsWith(BackupFolder.MANUAL)) {
            return MANUAL;
        }
        return tag.startsWith(BackupFolder.BEFORE_RESTORE) ? SAFETY : AUTOMATIC;
    }

    /** The word used in {@code backup list --json}. */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
